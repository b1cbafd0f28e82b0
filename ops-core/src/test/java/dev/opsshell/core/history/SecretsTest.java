package dev.opsshell.core.history;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {
    private static void masked(String text, String secret, String expected) {
        String out = Secrets.mask(text);
        assertFalse(out.contains(secret), () -> "still holds the secret: " + out);
        assertEquals(expected, out);
    }

    @Test
    void keyValueSecretsAreMaskedAndTheirNamesKept() {
        masked("mysql -u root password=hunter2 -h db", "hunter2", "mysql -u root password=******** -h db");
        masked("export PGPASSWORD='s3cr3t!'", "s3cr3t", "export PGPASSWORD='********'");
        masked("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI",
                "AWS_SECRET_ACCESS_KEY=********");
        masked("{\"token\": \"ghp_abcdef123456\", \"user\": \"bob\"}", "ghp_abcdef", "{\"token\": \"********\", \"user\": \"bob\"}");
        masked("api_key: 12345abcde\nnext line", "12345abcde", "api_key: ********\nnext line");
        masked("X-Auth-Token: 0123456789abcdef", "0123456789", "X-Auth-Token: ********");
        masked("client_secret=xyz&grant_type=client_credentials", "xyz&", "client_secret=********&grant_type=client_credentials");
        masked("vault login --token s.AbCdEf123 now", "s.AbCdEf123", "vault login --token ******** now");
    }

    @Test
    void authorizationHeadersAndBearerCredentialsAreMasked() {
        masked("curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc' https://api", "eyJhbGci",
                "curl -H 'Authorization: Bearer ********' https://api");
        masked("Proxy-Authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz", "Proxy-Authorization: Basic ********");
        masked("authorization=abcdef12345", "abcdef12345", "authorization=********");
        masked("sent bearer abcdefghijklmnop to the api", "abcdefghijklmnop", "sent bearer ******** to the api");
    }

    @Test
    void privateKeyBlocksAreMaskedEvenWhenCutOff() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAA\nAAAAMwAAAAtzc2gtZW\n"
                + "-----END OPENSSH PRIVATE KEY-----";
        masked("before\n" + key + "\nafter", "b3BlbnNzaC1rZXkt",
                "before\n-----BEGIN OPENSSH PRIVATE KEY-----********-----END OPENSSH PRIVATE KEY-----\nafter");
        String cut = Secrets.mask("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA75\nMIIEpAIB");
        assertFalse(cut.contains("MIIEpAIB"), cut);
    }

    @Test
    void urlPasswordsAndAwsKeyPairsAreMasked() {
        masked("psql postgresql://ops:Pa55word@db.internal:5432/ops", "Pa55word", "psql postgresql://ops:********@db.internal:5432/ops");
        masked("AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI",
                "AKIAIOSFODNN7EXAMPLE ********");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        for (String text : new String[] {"uptime: 10:00:01 up 3 days, load average: 0.10", "[sudo] password for root:",
                "Reading package lists... Done", "the token expired, log in again", "sshd: Accepted publickey for root",
                "password: ********", "-----BEGIN PUBLIC KEY-----\nMFkwEwYH\n-----END PUBLIC KEY-----"}) {
            assertEquals(text, Secrets.mask(text));
        }
        assertEquals("", Secrets.mask(""));
        assertTrue(Secrets.mask("password=" + Secrets.MASK).endsWith(Secrets.MASK));
    }
}
