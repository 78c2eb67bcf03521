//! The provider process: the go-plugin handshake Terraform expects (magic cookie, a line on stdout with
//! the address and the server certificate), a gRPC server on 127.0.0.1 over TLS, the `tfplugin6.Provider`
//! service and `plugin.GRPCController/Shutdown`.

use std::convert::Infallible;
use std::io::Write;
use std::sync::Arc;
use std::task::{Context, Poll};

use base64::Engine;
use prost::Message;
use tonic::body::Body;
use tonic::server::{Grpc, NamedService};
use tonic::transport::{Identity, Server, ServerTlsConfig};
use tonic::{Request, Response, Status};
use tonic_prost::ProstCodec;

use super::handlers::Provider;

/// The environment variable and value Terraform sets when it starts a plugin.
pub const MAGIC_COOKIE: (&str, &str) =
    ("TF_PLUGIN_MAGIC_COOKIE", "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2");

/// Runs the provider whose model is `json` (as [`schema::embedded::to_json`] or `codegen` writes it);
/// what a generated provider binary's `main` calls.
pub fn serve_embedded(json: &str) -> std::process::ExitCode {
    match schema::embedded::from_json(json) {
        Ok(provider) => serve(provider),
        Err(problem) => {
            eprintln!("{problem}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Runs the provider until Terraform shuts it down (its model resolved first). The provider
/// reaches its API from the model: configuration connects the transport, each operation is made from
/// the resource's attributes.
pub fn serve(mut provider: schema::Provider) -> std::process::ExitCode {
    if std::env::var(MAGIC_COOKIE.0).as_deref() != Ok(MAGIC_COOKIE.1) {
        eprintln!(
            "This binary is a plugin for Terraform (provider `{}`). Terraform starts it; it is not meant to be run directly.",
            provider.name
        );
        return std::process::ExitCode::FAILURE;
    }
    // A model built in code (the derives) is resolved here, as every loader resolves the ones it reads.
    if let Err(problems) = provider.resolve() {
        eprintln!("the provider model does not resolve: {}", problems.join("; "));
        return std::process::ExitCode::FAILURE;
    }
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the provider: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(Provider::new(provider))) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("provider failed: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(provider: Provider) -> Result<(), String> {
    let listener = bind().await?;
    let address = listener.local_addr().map_err(|error| error.to_string())?;
    let mut builder = Server::builder();
    let mut certificate = String::new();
    if std::env::var_os("PLUGIN_CLIENT_CERT").is_some() {
        let (identity, der) = self_signed()?;
        certificate = base64::engine::general_purpose::STANDARD_NO_PAD.encode(der);
        builder = builder.tls_config(ServerTlsConfig::new().identity(identity)).map_err(|error| error.to_string())?;
    }
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let services = Services { provider: Arc::new(provider), stop: Arc::new(std::sync::Mutex::new(Some(stop))) };
    let mut stdout = std::io::stdout();
    writeln!(stdout, "1|6|tcp|{address}|grpc|{certificate}").map_err(|error| error.to_string())?;
    stdout.flush().map_err(|error| error.to_string())?;
    // Serving from our own listener skips tonic's TCP_NODELAY, so set it here: without it, small answers
    // wait on delayed acknowledgements.
    let incoming = tokio_stream::StreamExt::map(tokio_stream::wrappers::TcpListenerStream::new(listener), |stream| {
        stream.and_then(|stream| stream.set_nodelay(true).map(|()| stream))
    });
    builder
        .serve_with_incoming_shutdown(services, incoming, async {
            let _ = stopped.await;
        })
        .await
        .map_err(|error| error.to_string())
}

/// Listens on 127.0.0.1, within `PLUGIN_MIN_PORT`..`PLUGIN_MAX_PORT` when Terraform sets them.
async fn bind() -> Result<tokio::net::TcpListener, String> {
    let port = |name: &str| std::env::var(name).ok().and_then(|value| value.parse::<u16>().ok());
    let (min, max) = match (port("PLUGIN_MIN_PORT"), port("PLUGIN_MAX_PORT")) {
        (Some(min), Some(max)) if min <= max => (min, max),
        _ => (0, 0),
    };
    for candidate in min..=max {
        if let Ok(listener) = tokio::net::TcpListener::bind(("127.0.0.1", candidate)).await {
            return Ok(listener);
        }
    }
    Err(format!("no free port on 127.0.0.1 between {min} and {max}"))
}

/// A self-signed certificate for `localhost` (the name Terraform's client checks) and its DER form.
fn self_signed() -> Result<(Identity, Vec<u8>), String> {
    use rcgen::{BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose};
    let key = KeyPair::generate().map_err(|error| error.to_string())?;
    let mut params = CertificateParams::new(vec!["localhost".to_owned()]).map_err(|error| error.to_string())?;
    params.distinguished_name.push(DnType::CommonName, "localhost");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages =
        vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::KeyEncipherment, KeyUsagePurpose::KeyCertSign];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth, ExtendedKeyUsagePurpose::ClientAuth];
    let certificate = params.self_signed(&key).map_err(|error| error.to_string())?;
    Ok((Identity::from_pem(certificate.pem(), key.serialize_pem()), certificate.der().to_vec()))
}

/// A boxed future, as the server runs the answers.
type BoxFuture<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send>>;

/// One unary method: the provider and the function that answers the method's request.
struct Unary<Req, Resp> {
    provider: Arc<Provider>,
    answer: fn(Arc<Provider>, Req) -> BoxFuture<Resp>,
}

impl<Req, Resp> Clone for Unary<Req, Resp> {
    fn clone(&self) -> Self {
        Unary { provider: self.provider.clone(), answer: self.answer }
    }
}

impl<Req, Resp: Send + 'static> tower_service::Service<Request<Req>> for Unary<Req, Resp> {
    type Response = Response<Resp>;
    type Error = Status;
    type Future = BoxFuture<Result<Response<Resp>, Status>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Status>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<Req>) -> Self::Future {
        let answer = (self.answer)(self.provider.clone(), request.into_inner());
        Box::pin(async move { Ok(Response::new(answer.await)) })
    }
}

/// Decodes a request, answers it and encodes the response.
async fn unary<Req, Resp>(
    request: http::Request<Body>,
    provider: Arc<Provider>,
    answer: fn(Arc<Provider>, Req) -> BoxFuture<Resp>,
) -> http::Response<Body>
where
    Req: Message + Default + Send + 'static,
    Resp: Message + Send + 'static,
{
    Grpc::new(ProstCodec::<Resp, Req>::default()).unary(Unary { provider, answer }, request).await
}

/// A stream of a server-streaming method's messages.
type EventStream<T> = std::pin::Pin<Box<dyn tokio_stream::Stream<Item = Result<T, Status>> + Send>>;

/// One server-streaming method: the provider and the function that answers the request with a stream.
struct Streaming<Req, Resp> {
    provider: Arc<Provider>,
    answer: fn(Arc<Provider>, Req) -> EventStream<Resp>,
}

impl<Req, Resp: Send + 'static> tower_service::Service<Request<Req>> for Streaming<Req, Resp> {
    type Response = Response<EventStream<Resp>>;
    type Error = Status;
    type Future = BoxFuture<Result<Response<EventStream<Resp>>, Status>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Status>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<Req>) -> Self::Future {
        let events = (self.answer)(self.provider.clone(), request.into_inner());
        Box::pin(async move { Ok(Response::new(events)) })
    }
}

/// Decodes a request and streams the messages that answer it.
async fn streaming<Req, Resp>(
    request: http::Request<Body>,
    provider: Arc<Provider>,
    answer: fn(Arc<Provider>, Req) -> EventStream<Resp>,
) -> http::Response<Body>
where
    Req: Message + Default + Send + 'static,
    Resp: Message + Send + 'static,
{
    Grpc::new(ProstCodec::<Resp, Req>::default()).server_streaming(Streaming { provider, answer }, request).await
}

/// Answers `$request` with the provider's `$method`, which takes `$req` and gives `$resp`.
macro_rules! route {
    ($request:ident, $provider:ident, $method:ident, $req:ty, $resp:ty) => {{
        fn answer(provider: Arc<Provider>, request: $req) -> BoxFuture<$resp> {
            Box::pin(async move { provider.$method(request).await })
        }
        unary($request, $provider, answer).await
    }};
}

/// The gRPC services of the plugin: `tfplugin6.Provider`, and `plugin.GRPCController` for shutdown.
#[derive(Clone)]
struct Services {
    provider: Arc<Provider>,
    stop: Arc<std::sync::Mutex<Option<tokio::sync::oneshot::Sender<()>>>>,
}

impl NamedService for Services {
    const NAME: &'static str = "tfplugin6.Provider";
}

impl tower_service::Service<http::Request<Body>> for Services {
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<http::Response<Body>, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        use super::proto::*;
        let provider = self.provider.clone();
        let stop = self.stop.clone();
        Box::pin(async move {
            let path = request.uri().path().to_owned();
            Ok(match path.as_str() {
                "/plugin.GRPCController/Shutdown" => {
                    if let Some(sender) = stop.lock().ok().and_then(|mut stop| stop.take()) {
                        let _ = sender.send(());
                    }
                    route!(request, provider, stop_provider, Empty, StopProviderResponse)
                }
                "/tfplugin6.Provider/GetProviderSchema" => {
                    route!(request, provider, get_provider_schema, Empty, GetProviderSchemaResponse)
                }
                "/tfplugin6.Provider/ValidateProviderConfig" => {
                    route!(
                        request,
                        provider,
                        validate_provider_config,
                        ValidateProviderConfigRequest,
                        ValidateProviderConfigResponse
                    )
                }
                "/tfplugin6.Provider/ValidateResourceConfig" => {
                    route!(request, provider, validate_resource_config, ValidateConfigRequest, DiagnosticsResponse)
                }
                "/tfplugin6.Provider/ValidateDataResourceConfig" => {
                    route!(request, provider, validate_data_resource_config, ValidateConfigRequest, DiagnosticsResponse)
                }
                "/tfplugin6.Provider/ConfigureProvider" => {
                    route!(request, provider, configure_provider, ConfigureProviderRequest, DiagnosticsResponse)
                }
                "/tfplugin6.Provider/UpgradeResourceState" => {
                    route!(
                        request,
                        provider,
                        upgrade_resource_state,
                        UpgradeResourceStateRequest,
                        UpgradeResourceStateResponse
                    )
                }
                "/tfplugin6.Provider/ReadResource" => {
                    route!(request, provider, read_resource, ReadResourceRequest, ReadResourceResponse)
                }
                "/tfplugin6.Provider/PlanResourceChange" => {
                    route!(
                        request,
                        provider,
                        plan_resource_change,
                        PlanResourceChangeRequest,
                        PlanResourceChangeResponse
                    )
                }
                "/tfplugin6.Provider/ApplyResourceChange" => {
                    route!(
                        request,
                        provider,
                        apply_resource_change,
                        ApplyResourceChangeRequest,
                        ApplyResourceChangeResponse
                    )
                }
                "/tfplugin6.Provider/ImportResourceState" => {
                    route!(
                        request,
                        provider,
                        import_resource_state,
                        ImportResourceStateRequest,
                        ImportResourceStateResponse
                    )
                }
                "/tfplugin6.Provider/GetResourceIdentitySchemas" => {
                    route!(request, provider, get_resource_identity_schemas, Empty, GetResourceIdentitySchemasResponse)
                }
                "/tfplugin6.Provider/UpgradeResourceIdentity" => {
                    route!(
                        request,
                        provider,
                        upgrade_resource_identity,
                        UpgradeResourceIdentityRequest,
                        UpgradeResourceIdentityResponse
                    )
                }
                "/tfplugin6.Provider/GetMetadata" => {
                    route!(request, provider, get_metadata, Empty, GetMetadataResponse)
                }
                "/tfplugin6.Provider/GetFunctions" => {
                    route!(request, provider, get_functions, Empty, GetFunctionsResponse)
                }
                "/tfplugin6.Provider/CallFunction" => {
                    route!(request, provider, call_function, CallFunctionRequest, CallFunctionResponse)
                }
                "/tfplugin6.Provider/MoveResourceState" => {
                    route!(request, provider, move_resource_state, MoveResourceStateRequest, MoveResourceStateResponse)
                }
                "/tfplugin6.Provider/ReadDataSource" => {
                    route!(request, provider, read_data_source, ReadDataSourceRequest, ReadDataSourceResponse)
                }
                "/tfplugin6.Provider/ValidateEphemeralResourceConfig" => {
                    route!(
                        request,
                        provider,
                        validate_ephemeral_resource_config,
                        ValidateConfigRequest,
                        DiagnosticsResponse
                    )
                }
                "/tfplugin6.Provider/OpenEphemeralResource" => {
                    route!(
                        request,
                        provider,
                        open_ephemeral_resource,
                        OpenEphemeralResourceRequest,
                        OpenEphemeralResourceResponse
                    )
                }
                "/tfplugin6.Provider/RenewEphemeralResource" => {
                    route!(
                        request,
                        provider,
                        renew_ephemeral_resource,
                        EphemeralResourceRequest,
                        RenewEphemeralResourceResponse
                    )
                }
                "/tfplugin6.Provider/CloseEphemeralResource" => {
                    route!(request, provider, close_ephemeral_resource, EphemeralResourceRequest, DiagnosticsResponse)
                }
                "/tfplugin6.Provider/GenerateResourceConfig" => {
                    route!(
                        request,
                        provider,
                        generate_resource_config,
                        GenerateResourceConfigRequest,
                        GenerateResourceConfigResponse
                    )
                }
                "/tfplugin6.Provider/ValidateListResourceConfig" => {
                    route!(
                        request,
                        provider,
                        validate_list_resource_config,
                        ValidateListResourceConfigRequest,
                        DiagnosticsResponse
                    )
                }
                "/tfplugin6.Provider/ListResource" => {
                    fn answer(provider: Arc<Provider>, request: ListResourceRequest) -> EventStream<ListResourceEvent> {
                        Box::pin(provider.list_resource(request))
                    }
                    streaming(request, provider, answer).await
                }
                "/tfplugin6.Provider/StopProvider" => {
                    route!(request, provider, stop_provider, Empty, StopProviderResponse)
                }
                other => Status::unimplemented(format!("{other} is not supported by this provider")).into_http(),
            })
        })
    }
}
