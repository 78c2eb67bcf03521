//! A provider binary started as Terraform starts it (the magic cookie, plaintext gRPC on 127.0.0.1), and a
//! client that calls its plugin-protocol methods directly: for what terraform 1.11.4 does not call
//! (metadata, identity, list resources), as newer Terraform versions do.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use runtime::plugin::server::MAGIC_COOKIE;

/// A running provider binary and a gRPC channel to it; the process is killed when this is dropped.
pub struct Plugin {
    child: Child,
    channel: tonic::transport::Channel,
}

impl Plugin {
    /// Starts `binary` and connects to the address its handshake line names.
    pub async fn start(binary: &Path) -> Plugin {
        let mut child = Command::new(binary)
            .env(MAGIC_COOKIE.0, MAGIC_COOKIE.1)
            .env_remove("PLUGIN_CLIENT_CERT")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("{}: {error}", binary.display()));
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout is piped")).read_line(&mut line).unwrap();
        // `1|6|tcp|127.0.0.1:PORT|grpc|` (no certificate without PLUGIN_CLIENT_CERT).
        let address = line.split('|').nth(3).unwrap_or_else(|| panic!("no handshake: {line:?}")).to_owned();
        let channel = tonic::transport::Endpoint::from_shared(format!("http://{address}"))
            .unwrap()
            .connect()
            .await
            .unwrap_or_else(|error| panic!("{address}: {error}"));
        Plugin { child, channel }
    }

    /// Calls `method` of the `tfplugin6.Provider` service with `request`.
    pub async fn call<Req, Resp>(&self, method: &'static str, request: Req) -> Result<Resp, tonic::Status>
    where
        Req: prost::Message + Send + Sync + 'static,
        Resp: prost::Message + Default + Send + Sync + 'static,
    {
        let (mut grpc, path) = self.ready(method).await?;
        let codec = tonic_prost::ProstCodec::<Req, Resp>::default();
        grpc.unary(tonic::Request::new(request), path, codec).await.map(tonic::Response::into_inner)
    }

    /// A client ready to call `method` of the `tfplugin6.Provider` service, and the method's path.
    async fn ready(
        &self,
        method: &str,
    ) -> Result<(tonic::client::Grpc<tonic::transport::Channel>, http::uri::PathAndQuery), tonic::Status> {
        let mut grpc = tonic::client::Grpc::new(self.channel.clone());
        grpc.ready().await.map_err(|error| tonic::Status::unavailable(error.to_string()))?;
        let path = http::uri::PathAndQuery::try_from(format!("/tfplugin6.Provider/{method}"))
            .map_err(|error| tonic::Status::internal(error.to_string()))?;
        Ok((grpc, path))
    }

    /// Calls the server-streaming `method` with `request` and gathers every message of its stream.
    pub async fn stream<Req, Resp>(&self, method: &'static str, request: Req) -> Result<Vec<Resp>, tonic::Status>
    where
        Req: prost::Message + Send + Sync + 'static,
        Resp: prost::Message + Default + Send + Sync + 'static,
    {
        let (mut grpc, path) = self.ready(method).await?;
        let codec = tonic_prost::ProstCodec::<Req, Resp>::default();
        let mut stream = grpc.server_streaming(tonic::Request::new(request), path, codec).await?.into_inner();
        let mut messages = Vec::new();
        while let Some(message) = stream.message().await? {
            messages.push(message);
        }
        Ok(messages)
    }
}

impl Drop for Plugin {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
