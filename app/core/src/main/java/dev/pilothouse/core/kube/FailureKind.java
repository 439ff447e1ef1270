package dev.pilothouse.core.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** What a failed request means for the connection and for one watch. */
enum FailureKind {
    /** 401, or the credential plugin failed: the user must log in again. */
    AUTH,
    /** 403: the user may not do this; the connection itself is fine. */
    FORBIDDEN,
    /** 404 on a list: the kind is not served (CRD not installed). */
    NOT_FOUND,
    /** 410: the resource version is too old; relist. */
    GONE,
    /** The server could not be reached or the connection dropped. */
    NETWORK,
    /** Anything else (500s, garbage responses). */
    OTHER;

    static FailureKind of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CredentialException) {
                return AUTH;
            }
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof KubernetesClientException k && k.getCode() > 0) {
                return switch (k.getCode()) {
                    case 401 -> AUTH;
                    case 403 -> FORBIDDEN;
                    case 404 -> NOT_FOUND;
                    case 410 -> GONE;
                    default -> OTHER;
                };
            }
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof TimeoutException
                    || c instanceof java.net.SocketTimeoutException || c instanceof javax.net.ssl.SSLException) {
                return NETWORK;
            }
            String name = c.getClass().getName();
            if (name.contains("ExecCredential") || (c.getMessage() != null && c.getMessage().contains("exec"))
                    && name.contains("Kubernetes")) {
                return AUTH;
            }
            if (c instanceof IOException) {
                return NETWORK;
            }
        }
        return OTHER;
    }
}
