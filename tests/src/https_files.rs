//! A folder served over HTTPS on 127.0.0.1 with a certificate made for the test, as a network mirror or
//! any static site is served: `GET` of a path below the folder answers the file, anything else 404. The
//! certificate's PEM file is written beside, for clients to trust (`SSL_CERT_FILE` for terraform). The
//! server stops when dropped.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A running HTTPS file server.
pub struct HttpsFiles {
    /// `https://127.0.0.1:PORT/`.
    pub url: String,
    /// The server certificate, PEM, which is its own root.
    pub certificate: PathBuf,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl HttpsFiles {
    /// Serves `root` on a free port; the certificate is written to `certificate`.
    pub fn serve(root: &Path, certificate: &Path) -> HttpsFiles {
        let (pem, config) = tls();
        std::fs::write(certificate, pem).unwrap();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let url = format!("https://{}/", listener.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let root = root.to_owned();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                let acceptor = tokio_rustls::TlsAcceptor::from(config);
                let serving = async {
                    loop {
                        let Ok((stream, _)) = listener.accept().await else { continue };
                        let (acceptor, root) = (acceptor.clone(), root.clone());
                        tokio::spawn(async move {
                            if let Ok(stream) = acceptor.accept(stream).await {
                                answer(stream, &root).await;
                            }
                        });
                    }
                };
                tokio::select! {
                    () = serving => {}
                    _ = stopped => {}
                }
            });
        });
        HttpsFiles { url, certificate: certificate.to_owned(), stop: Some(stop), thread: Some(thread) }
    }
}

impl Drop for HttpsFiles {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A certificate for 127.0.0.1 and localhost, self-signed, and the server configuration that presents it.
fn tls() -> (String, Arc<rustls::ServerConfig>) {
    use rcgen::{BasicConstraints, CertificateParams, ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose};
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()]).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::KeyCertSign];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let certificate = params.self_signed(&key).unwrap();
    let private = rustls::pki_types::PrivateKeyDer::try_from(key.serialize_der()).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![certificate.der().clone()], private)
        .unwrap();
    (certificate.pem(), Arc::new(config))
}

/// Reads one request and answers it with the file it names, then closes the connection.
async fn answer<S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin>(mut stream: S, root: &Path) {
    let mut request = Vec::new();
    let mut buffer = [0; 4096];
    while !request.windows(4).any(|window| window == b"\r\n\r\n") && request.len() < 64 * 1024 {
        match stream.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(read) => request.extend_from_slice(&buffer[..read]),
        }
    }
    let text = String::from_utf8_lossy(&request);
    let mut words = text.lines().next().unwrap_or_default().split_whitespace();
    let (method, target) = (words.next().unwrap_or_default(), words.next().unwrap_or_default());
    let path = target.split('?').next().unwrap_or_default().trim_start_matches('/');
    let inside = Path::new(path).components().all(|component| matches!(component, Component::Normal(_)));
    let file = (method == "GET" && inside).then(|| root.join(path)).and_then(|file| std::fs::read(file).ok());
    let (status, body) = match file {
        Some(body) => ("200 OK", body),
        None => ("404 Not Found", b"not found".to_vec()),
    };
    let kind = if path.ends_with(".json") { "application/json" } else { "application/octet-stream" };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(&body).await;
    let _ = stream.shutdown().await;
}
