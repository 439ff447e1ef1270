package dev.pilothouse.core.kube;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeconfigLoaderTest {

    @TempDir
    Path dir;

    private final KubeconfigLoader loader = new KubeconfigLoader(ClientTuning.interactive());

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static String config(String context, String cluster, String server, String user, String current) {
        return """
                apiVersion: v1
                kind: Config
                current-context: %s
                contexts:
                - name: %s
                  context: {cluster: %s, user: %s, namespace: ml-serving}
                clusters:
                - name: %s
                  cluster: {server: "%s"}
                users:
                - name: %s
                  user: {token: secret-token}
                """.formatted(current, context, cluster, user, cluster, server, user);
    }

    @Test
    void loadsContextsWithServerNamespaceAndUser() throws Exception {
        Path f = write("a.yaml", config("prod", "c1", "https://10.0.0.1:6443", "ana", "prod"));
        Kubeconfig k = loader.load(List.of(f));
        assertThat(k.currentContext()).isEqualTo("prod");
        ClusterContext ctx = k.context("prod").orElseThrow();
        assertThat(ctx.server()).isEqualTo("https://10.0.0.1:6443");
        assertThat(ctx.namespace()).isEqualTo("ml-serving");
        assertThat(ctx.config().get().getAutoOAuthToken()).as("kubeconfig tokens are Fabric8 auto tokens").isEqualTo("secret-token");
        assertThat(ctx.config().get().getRequestRetryBackoffLimit()).as("our own backoff decides").isZero();
    }

    @Test
    void mergesSeveralFilesFirstDefinitionWins() throws Exception {
        Path a = write("a.yaml", config("prod", "c1", "https://prod:6443", "ana", "prod"));
        Path b = write("b.yaml", config("prod", "c1", "https://other:6443", "ana", "staging")
                + "");
        Path c = write("c.yaml", config("staging", "c2", "https://staging:6443", "bob", "staging"));
        Kubeconfig k = loader.load(List.of(a, b, c));
        assertThat(k.contexts()).extracting(ClusterContext::name).containsExactly("prod", "staging");
        assertThat(k.context("prod").orElseThrow().server()).isEqualTo("https://prod:6443");
        assertThat(k.currentContext()).isEqualTo("prod");
    }

    @Test
    void aMissingFileAmongSeveralIsReportedByNameAndTheRestLoads() throws Exception {
        Path a = write("a.yaml", config("prod", "c1", "https://prod:6443", "ana", "prod"));
        Kubeconfig k = loader.load(List.of(dir.resolve("gone.yaml"), a));
        assertThat(k.contexts()).hasSize(1);
        assertThat(k.problems()).singleElement().asString().contains("gone.yaml").contains("does not exist");
    }

    @Test
    void aBrokenFileAloneFailsWithItsName() throws Exception {
        Path broken = write("broken.yaml", "apiVersion: v1\ncontexts: [ {name: x\n");
        assertThatThrownBy(() -> loader.load(List.of(broken)))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageContaining("broken.yaml").hasMessageContaining("not a valid kubeconfig");
    }

    @Test
    void aBrokenFileNeverQuotesAValueThatMayBeASecret() throws Exception {
        Path broken = write("typo.yaml", """
                apiVersion: v1
                users:
                - name: u
                  user: "eyJhbGciOiJSUzI1NiJ9.secret-token-value"
                """);
        assertThatThrownBy(() -> loader.load(List.of(broken)))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageContaining("typo.yaml").hasMessageContaining("not a valid kubeconfig")
                .hasMessageNotContaining("secret-token-value");
    }

    @Test
    void aContextNamingAnUndefinedClusterIsReportedWithContextAndFile() throws Exception {
        Path f = write("a.yaml", """
                apiVersion: v1
                kind: Config
                contexts:
                - name: lost
                  context: {cluster: nowhere, user: ana}
                users:
                - name: ana
                  user: {token: t}
                """);
        Kubeconfig k = loader.load(List.of(f));
        assertThat(k.contexts()).isEmpty();
        assertThat(k.problems()).singleElement().asString()
                .contains("context 'lost'").contains("a.yaml").contains("cluster 'nowhere'");
    }

    @Test
    void anUndefinedCurrentContextIsReported() throws Exception {
        Path f = write("a.yaml", config("prod", "c1", "https://prod:6443", "ana", "ghost"));
        Kubeconfig k = loader.load(List.of(f));
        assertThat(k.currentContext()).isEmpty();
        assertThat(k.problems()).anySatisfy(p -> assertThat(p).contains("current-context 'ghost'"));
    }

    @Test
    void locatePrefersTheExplicitFileThenKubeconfigThenTheDefault() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        assertThat(KubeconfigLoader.locate("/x/a:/x/b", "/y", home)).containsExactly(Path.of("/x/a"), Path.of("/x/b"));
        assertThat(KubeconfigLoader.locate(null, "/y/c", home)).containsExactly(Path.of("/y/c"));
        assertThat(KubeconfigLoader.locate(null, null, home)).as("no default file: none").isEmpty();
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "apiVersion: v1");
        assertThat(KubeconfigLoader.locate(null, "", home)).containsExactly(home.resolve(".kube/config"));
    }

    @Test
    void anOidcUserIsServedByOurTokenProviderAndReadingItContactsNoIssuer() throws Exception {
        // The issuer's port is closed: reading the kubeconfig and using a valid id-token must not need it.
        String idToken = "h." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"exp\":" + java.time.Instant.now().plusSeconds(3600).getEpochSecond() + "}").getBytes()) + ".s";
        Path f = write("a.yaml", """
                apiVersion: v1
                kind: Config
                contexts:
                - name: sso
                  context: {cluster: c, user: ana}
                clusters:
                - name: c
                  cluster: {server: "https://h:6443"}
                users:
                - name: ana
                  user:
                    auth-provider:
                      name: oidc
                      config: {idp-issuer-url: "https://127.0.0.1:1/realms/x", client-id: k, id-token: "%s", refresh-token: r}
                """.formatted(idToken));
        io.fabric8.kubernetes.client.Config config = loader.load(List.of(f)).context("sso").orElseThrow().config().get();
        assertThat(config.getAuthProvider()).as("Fabric8 must not refresh on its own").isNull();
        assertThat(config.getOauthTokenProvider().getToken()).isEqualTo(idToken);
    }

    @Test
    void relativeCertificatePathsResolveAgainstTheirOwnFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path f = Files.writeString(sub.resolve("k.yaml"), """
                apiVersion: v1
                kind: Config
                contexts:
                - name: c
                  context: {cluster: c, user: u}
                clusters:
                - name: c
                  cluster: {server: "https://h:6443", certificate-authority: ca.crt}
                users:
                - name: u
                  user: {token: t}
                """);
        ClusterContext ctx = loader.load(List.of(f)).context("c").orElseThrow();
        assertThat(ctx.config().get().getCaCertFile()).isEqualTo(sub.resolve("ca.crt").toAbsolutePath().toString());
    }
}
