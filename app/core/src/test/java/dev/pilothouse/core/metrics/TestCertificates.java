package dev.pilothouse.core.metrics;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates for TLS tests, made with BouncyCastle: a CA, a server certificate for 127.0.0.1 (IP SAN) and client
 * certificates, written as PEM files. Keys come in the formats users have: PKCS#1 and PKCS#8 RSA, SEC1 and PKCS#8 EC.
 */
public final class TestCertificates {

    /** How a private key is written. */
    public enum KeyFormat {
        RSA_PKCS1, RSA_PKCS8, EC_SEC1, EC_PKCS8
    }

    /** A certificate and key on disk. */
    public record Pem(Path certFile, Path keyFile) {
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final Path caFile;
    private final X500Name caSubject;

    /** A new CA whose files go to {@code dir}. */
    public TestCertificates(Path dir, String caName) throws Exception {
        this.dir = dir;
        this.caKeys = rsa();
        this.caSubject = new X500Name("CN=" + caName);
        X509v3CertificateBuilder builder = builder(caSubject, caSubject, caKeys);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.ca = sign(builder, caKeys.getPrivate());
        this.caFile = Files.writeString(dir.resolve(caName + ".crt"), pem(ca));
    }

    public Path caFile() {
        return caFile;
    }

    /** A server certificate for 127.0.0.1 and localhost, RSA key in PKCS#8. */
    public Pem server(String name) throws Exception {
        KeyPair keys = rsa();
        X509v3CertificateBuilder builder = builder(caSubject, new X500Name("CN=" + name), keys);
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        return write(name, sign(builder, caKeys.getPrivate()), keys.getPrivate(), KeyFormat.RSA_PKCS8);
    }

    /** A client certificate with a key in the given format. */
    public Pem client(String name, KeyFormat format) throws Exception {
        KeyPair keys = format == KeyFormat.EC_SEC1 || format == KeyFormat.EC_PKCS8 ? ec() : rsa();
        X509v3CertificateBuilder builder = builder(caSubject, new X500Name("CN=" + name), keys);
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        return write(name, sign(builder, caKeys.getPrivate()), keys.getPrivate(), format);
    }

    private Pem write(String name, X509Certificate cert, PrivateKey key, KeyFormat format) throws IOException {
        Path certFile = Files.writeString(dir.resolve(name + ".crt"), pem(cert));
        String keyPem = switch (format) {
            case RSA_PKCS1, EC_SEC1 -> pem(key); // JcaPEMWriter writes the traditional formats
            case RSA_PKCS8, EC_PKCS8 -> pem(new JcaPKCS8Generator(key, null).generate());
        };
        Path keyFile = Files.writeString(dir.resolve(name + ".key"), keyPem);
        return new Pem(certFile, keyFile);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static KeyPair ec() throws Exception {
        // BouncyCastle's EC keys carry their public key in SEC1 form, as openssl's and Go's do.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
