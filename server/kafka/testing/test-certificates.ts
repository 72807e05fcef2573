import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Everything a TLS test needs, made fresh by `openssl` in one directory (nothing is committed). */
export interface TestCertificates {
  /** PEM of the CA that signed both certificates (clients trust it; the broker requires client certificates signed by it). */
  caPath: string;
  /** The broker's key and certificate (valid for 127.0.0.1 and localhost) as a PKCS#12 keystore. */
  brokerKeystorePath: string;
  brokerKeystorePassword: string;
  /** The client's certificate and its private key, encrypted with `clientKeyPassphrase`. */
  clientCertPath: string;
  clientKeyPath: string;
  clientKeyPassphrase: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"], timeout: 30_000 });
}

/** A CA, a broker certificate and a client certificate, valid for two days. */
export function makeTestCertificates(dir: string): TestCertificates {
  fs.mkdirSync(dir, { recursive: true });
  const brokerKeystorePassword = "broker-store-secret";
  const clientKeyPassphrase = "client-key-secret";
  openssl(dir, [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=FOMO test CA",
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
  ]); // prettier-ignore
  fs.writeFileSync(path.join(dir, "broker.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
  fs.writeFileSync(path.join(dir, "client.ext"), "extendedKeyUsage=clientAuth\n");
  openssl(dir, ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "broker.key", "-out", "broker.csr", "-subj", "/CN=localhost"]);
  openssl(dir, [
    "x509", "-req", "-in", "broker.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "broker.pem", "-days", "2",
    "-extfile", "broker.ext",
  ]); // prettier-ignore
  openssl(dir, [
    "pkcs12", "-export", "-in", "broker.pem", "-inkey", "broker.key", "-certfile", "ca.pem", "-name", "broker", "-out", "broker.p12",
    "-passout", `pass:${brokerKeystorePassword}`,
  ]); // prettier-ignore
  openssl(dir, [
    "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes-256-cbc", "-pass", `pass:${clientKeyPassphrase}`,
    "-out", "client.key",
  ]); // prettier-ignore
  openssl(dir, [
    "req",
    "-new",
    "-key",
    "client.key",
    "-passin",
    `pass:${clientKeyPassphrase}`,
    "-out",
    "client.csr",
    "-subj",
    "/CN=fomo-test-client",
  ]);
  openssl(dir, [
    "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "client.pem", "-days", "2",
    "-extfile", "client.ext",
  ]); // prettier-ignore
  return {
    caPath: path.join(dir, "ca.pem"),
    brokerKeystorePath: path.join(dir, "broker.p12"),
    brokerKeystorePassword,
    clientCertPath: path.join(dir, "client.pem"),
    clientKeyPath: path.join(dir, "client.key"),
    clientKeyPassphrase,
  };
}
