//! The Rust client crate of a provider: `Cargo.toml`, `src/lib.rs` (the `Client`), `src/errors.rs` (one
//! error type per documented error), `src/types.rs` (named types) and one module per resource (its model,
//! nested types, request bodies and operations). Everything is built with `quote!` and formatted with
//! prettyplease.

pub mod models;
pub mod names;
pub mod operations;
mod rustdoc;
pub mod signature;

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;
use schema::{Auth, Provider};

use models::{ModelWriter, StructKind};
use names::{field_ident, module_ident, type_ident};

/// Why Rust code could not be produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientError(pub String);

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ClientError {}

/// Which of the provider's maps a module's type is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `resources`.
    Resource,
    /// `data_sources`, in the crate's `data_sources` module.
    DataSource,
    /// `ephemeral_resources`, in the crate's `ephemeral_resources` module.
    EphemeralResource,
}

impl Section {
    /// The model's field that holds the section, which is also the crate's module of it (but for
    /// resources, which stand at the crate's root).
    pub fn field(self) -> &'static str {
        match self {
            Section::Resource => "resources",
            Section::DataSource => "data_sources",
            Section::EphemeralResource => "ephemeral_resources",
        }
    }

    /// The client's accessor of the section's type `short` (a resource's, data source's or ephemeral
    /// resource's own name, without the provider prefix).
    fn accessor(self, provider: &Provider, short: &str) -> proc_macro2::Ident {
        match self {
            Section::Resource => names::accessor_ident(provider, short, false),
            Section::DataSource => names::accessor_ident(provider, short, true),
            Section::EphemeralResource => names::ephemeral_accessor_ident(short),
        }
    }

    /// The accessor's doc line for the type `type_name`.
    fn accessor_doc(self, type_name: &str) -> String {
        match self {
            Section::Resource => format!(" Operations on `{type_name}`."),
            Section::DataSource => format!(" Reads of the data source `{type_name}`."),
            Section::EphemeralResource => {
                format!(" Opening, renewing and closing the ephemeral resource `{type_name}`.")
            }
        }
    }
}

/// Keeps `cargo fmt` off generated code, which prettyplease formats (and `check` compares byte for byte).
const RUSTFMT_TOML: &str = "# Generated code is formatted by prettyplease when it is written; rustfmt leaves it as it is.\ndisable_all_formatting = true\n";

/// The files of `provider`'s client crate, as (path below the crate folder, contents).
pub fn provider_crate(provider: &Provider) -> Result<Vec<(PathBuf, String)>, ClientError> {
    let mut files = vec![
        (PathBuf::from("Cargo.toml"), cargo_toml(provider)),
        (PathBuf::from("rustfmt.toml"), RUSTFMT_TOML.to_owned()),
    ];
    files.push((PathBuf::from("src/lib.rs"), format_file(lib_rs(provider))?));
    files.extend(provider_binary(provider)?);
    files.push((PathBuf::from("src/errors.rs"), format_file(errors_rs(provider))?));
    if !provider.types.is_empty() {
        files.push((PathBuf::from("src/types.rs"), format_file(types_rs(provider))?));
    }
    for (type_name, resource) in &provider.resources {
        let short = provider.short_name(type_name);
        let module = module_ident(short);
        let tokens = operations::resource_module(provider, type_name, resource, Section::Resource);
        files.push((PathBuf::from(format!("src/{}.rs", names::unraw(&module))), format_file(tokens)?));
    }
    let sections = [
        (Section::DataSource, &provider.data_sources, " The data sources: their models and read operations."),
        (
            Section::EphemeralResource,
            &provider.ephemeral_resources,
            " The ephemeral resources: their models and the operations that open, renew and close them.",
        ),
    ];
    for (section, items, doc) in sections.into_iter().filter(|(_, items, _)| !items.is_empty()) {
        let mut modules = Vec::new();
        for (type_name, item) in items {
            let module = field_ident(provider.short_name(type_name));
            let tokens = operations::resource_module(provider, type_name, item, section);
            let path = format!("src/{}/{}.rs", section.field(), names::unraw(&module));
            files.push((PathBuf::from(path), format_file(tokens)?));
            modules.push(quote!(pub mod #module;));
        }
        let tokens = quote! {
            #![doc = #doc]
            #(#modules)*
        };
        files.push((PathBuf::from(format!("src/{}.rs", section.field())), format_file(tokens)?));
    }
    Ok(files)
}

/// Formats generated tokens as a Rust file.
pub fn format_file(tokens: TokenStream) -> Result<String, ClientError> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|error| ClientError(format!("generated code does not parse: {error}")))?;
    Ok(prettyplease::unparse(&file))
}

/// The provider binary, a crate of its own in `provider/` beside the client: it carries the model as
/// JSON and serves it through the runtime, so it compiles no per-resource code, and a schema change
/// rebuilds one small file.
pub fn provider_binary(provider: &Provider) -> Result<Vec<(PathBuf, String)>, ClientError> {
    let name = &provider.name;
    let doc = format!(" `terraform-provider-{name}`: the Terraform provider, which Terraform starts as a plugin.");
    let main = quote! {
        #![doc = #doc]

        fn main() -> ::std::process::ExitCode {
            ::runtime::plugin::serve_embedded(include_str!("provider.json"))
        }
    };
    let manifest = cargo_manifest(
        name,
        &format!("terraform-provider-{name}"),
        &format!("The Terraform provider for the {name} API, serving its resource schema"),
        &["runtime"],
    );
    let mut model = serde_json::to_string_pretty(provider).map_err(|error| ClientError(error.to_string()))?;
    model.push('\n');
    Ok(vec![
        (PathBuf::from("provider/Cargo.toml"), manifest),
        (PathBuf::from("provider/src/main.rs"), format_file(main)?),
        (PathBuf::from("provider/src/provider.json"), model),
    ])
}

fn cargo_toml(provider: &Provider) -> String {
    let name = &provider.name;
    let description = format!("Rust client for the {name} API, generated from its resource schema");
    cargo_manifest(name, name, &description, &["runtime", "schema", "serde", "serde_json"])
}

/// A generated crate's manifest: a package of the workspace with `dependencies` from the workspace.
fn cargo_manifest(provider: &str, package: &str, description: &str, dependencies: &[&str]) -> String {
    let mut manifest = format!(
        "# Generated by `cargo run -p codegen` from schema/providers/{provider}/provider.yaml; do not edit.\n\
         [package]\n\
         name = \"{package}\"\n\
         version = \"0.1.0\"\n\
         description = \"{description}\"\n\
         edition.workspace = true\n\
         rust-version.workspace = true\n\
         license.workspace = true\n\
         publish.workspace = true\n\
         \n\
         [dependencies]\n"
    );
    for dependency in dependencies {
        manifest.push_str(&format!("{dependency}.workspace = true\n"));
    }
    manifest
}

fn lib_rs(provider: &Provider) -> TokenStream {
    let title = format!(" Rust client for the `{}` API.", provider.name);
    let docs = rustdoc::lines(&provider.description);
    let generated = format!(
        " Generated by `cargo run -p codegen` from `schema/providers/{}/provider.yaml`; do not edit.",
        provider.name
    );
    let types = (!provider.types.is_empty()).then(|| {
        quote!(
            pub mod types;
        )
    });
    let mut modules = Vec::new();
    let mut accessors = Vec::new();
    // The data sources' and ephemeral resources' modules, and their accessors.
    let mut section_modules = Vec::new();
    for (section, items) in
        [(Section::DataSource, &provider.data_sources), (Section::EphemeralResource, &provider.ephemeral_resources)]
    {
        let field = quote::format_ident!("{}", section.field());
        if !items.is_empty() {
            section_modules.push(quote!(pub mod #field;));
        }
        for type_name in items.keys() {
            let short = provider.short_name(type_name);
            let module = field_ident(short);
            let accessor = section.accessor(provider, short);
            let doc = section.accessor_doc(type_name);
            accessors.push(quote! {
                #[doc = #doc]
                pub fn #accessor(&self) -> #field::#module::Operations<'_> {
                    #field::#module::Operations::new(&self.transport)
                }
            });
        }
    }

    for type_name in provider.resources.keys() {
        let short = provider.short_name(type_name);
        let module = module_ident(short);
        let accessor = Section::Resource.accessor(provider, short);
        let doc = Section::Resource.accessor_doc(type_name);
        modules.push(quote!(pub mod #module;));
        accessors.push(quote! {
            #[doc = #doc]
            pub fn #accessor(&self) -> #module::Operations<'_> {
                #module::Operations::new(&self.transport)
            }
        });
    }
    let default_url = provider.default_server_url.as_deref().unwrap_or("http://localhost");
    let server_env = provider.config.attributes.get("server_url").and_then(|attribute| attribute.env.as_deref());
    let server_env = option_str(server_env);
    let env_of = |attribute: &str| provider.config.attributes.get(attribute).and_then(|found| found.env.as_deref());
    let (auth_env, credential_use) = match &provider.auth {
        Some(Auth::Bearer { attribute }) => (
            env_of(attribute),
            quote!(config.auth = credential.map(|credential| ::runtime::Auth::Bearer(::runtime::Secret::new(credential)));),
        ),
        Some(Auth::ApiKey { header, attribute }) => (
            env_of(attribute),
            quote! {
                config.auth = credential.map(|credential| ::runtime::Auth::Header { name: #header.to_owned(), value: ::runtime::Secret::new(credential) });
            },
        ),
        None => (None, quote!(let _ = credential;)),
    };
    let auth_env = option_str(auth_env);
    let mut config_writer = ModelWriter::new(provider, &["Client", "ApiError", "Result"]);
    config_writer.object(
        "provider_config",
        "The provider block's configuration.",
        &provider.config,
        StructKind::Nested,
    );
    let config_items = config_writer.items;
    let provider_fn = provider_model();
    let config_binding = if provider.auth.is_some() {
        quote!(let mut config = ::runtime::ClientConfig::new(server_url);)
    } else {
        quote!(let config = ::runtime::ClientConfig::new(server_url);)
    };
    quote! {
        #![doc = #title]
        #![doc = ""]
        #(#![doc = #docs])*
        #![doc = ""]
        #![doc = #generated]

        pub mod errors;
        #types
        #(#section_modules)*
        #(#modules)*

        pub use errors::{ApiError, Result};

        #(#config_items)*

        #provider_fn

        /// The server used when neither the configuration nor the environment names one.
        pub const DEFAULT_SERVER_URL: &str = #default_url;
        /// The environment variable read for the server URL.
        pub const SERVER_URL_ENV: ::core::option::Option<&str> = #server_env;
        /// The environment variable read for the credential.
        pub const CREDENTIAL_ENV: ::core::option::Option<&str> = #auth_env;

        /// A client of the API.
        #[derive(Debug, Clone)]
        pub struct Client {
            transport: ::runtime::Transport,
        }

        impl Client {
            /// A client for `config`.
            pub fn new(config: ::runtime::ClientConfig) -> Result<Self> {
                Ok(Client { transport: ::runtime::Transport::new(config)? })
            }

            /// A client configured as the provider is: an unset server URL or credential is read from the
            /// environment, and the server URL falls back to [`DEFAULT_SERVER_URL`].
            pub fn from_settings(server_url: ::core::option::Option<::std::string::String>, credential: ::core::option::Option<::std::string::String>) -> Result<Self> {
                Client::new(Client::config_from_settings(server_url, credential))
            }

            /// The configuration [`Client::from_settings`] uses, to adjust before [`Client::new`].
            pub fn config_from_settings(server_url: ::core::option::Option<::std::string::String>, credential: ::core::option::Option<::std::string::String>) -> ::runtime::ClientConfig {
                let server_url = ::runtime::setting(server_url, SERVER_URL_ENV).unwrap_or_else(|| DEFAULT_SERVER_URL.to_owned());
                let credential = ::runtime::setting(credential, CREDENTIAL_ENV);
                #config_binding
                #credential_use
                config
            }

            /// The transport, for requests the operations below do not cover.
            pub fn transport(&self) -> &::runtime::Transport {
                &self.transport
            }

            #(#accessors)*
        }
    }
}

/// `provider()`: the provider's whole model, read from the JSON its provider binary carries; and the
/// schema of each resource, read once, which the models read answers by.
fn provider_model() -> TokenStream {
    quote! {
        /// The provider's model (what its YAML schema declares), as its provider binary serves it.
        pub fn provider() -> ::schema::Provider {
            ::schema::embedded::from_json(include_str!("../provider/src/provider.json"))
                .unwrap_or_else(|problem| ::core::panic!("{problem}"))
        }

        /// The schema of the resource (data source, ephemeral resource) `resource` takes from the model, one
        /// this crate was generated for, by which its model reads answers as the provider does.
        pub(crate) fn schema_of(resource: fn(&::schema::Provider) -> &::schema::Resource) -> &'static ::schema::Object {
            static MODEL: ::std::sync::OnceLock<::schema::Provider> = ::std::sync::OnceLock::new();
            &resource(MODEL.get_or_init(provider)).schema
        }
    }
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

fn errors_rs(provider: &Provider) -> TokenStream {
    let variants = provider.errors.iter().map(|(name, error)| {
        let ident = type_ident(name);
        let description = rustdoc::inert(&error.description).split_whitespace().collect::<Vec<_>>().join(" ");
        let doc = format!(" {description} (HTTP {}, {})", error.status, rustdoc::inert(&error.content_type).trim());
        quote!(#[doc = #doc] #ident(::std::boxed::Box<::runtime::ErrorResponse>),)
    });
    let from = provider.errors.iter().map(|(name, error)| {
        let ident = type_ident(name);
        let status = error.status;
        quote!(#status => ::core::option::Option::Some(ApiError::#ident(::std::boxed::Box::new(response.clone()))),)
    });
    let status = provider.errors.keys().map(|name| {
        let ident = type_ident(name);
        quote!(ApiError::#ident(response) => response,)
    });
    let (status_body, documented_guard) = if provider.errors.is_empty() {
        (quote!(match *self {}), quote!(let _ = (response, documented); ::core::option::Option::None))
    } else {
        (
            quote!(match self { #(#status)* }),
            quote! {
                if !documented.contains(&response.status) {
                    return ::core::option::Option::None;
                }
                match response.status {
                    #(#from)*
                    _ => ::core::option::Option::None,
                }
            },
        )
    };
    quote! {
        //! The errors the API documents.

        /// An error response the API documents, with the response kept whole.
        #[derive(Debug, Clone, PartialEq)]
        pub enum ApiError {
            #(#variants)*
        }

        impl ::runtime::ApiErrorKind for ApiError {
            fn from_response(response: &::runtime::ErrorResponse, documented: &[u16]) -> ::core::option::Option<Self> {
                #documented_guard
            }

            fn response(&self) -> &::runtime::ErrorResponse {
                #status_body
            }
        }

        /// The result of an operation.
        pub type Result<T> = ::core::result::Result<T, ::runtime::Error<ApiError>>;
    }
}

fn types_rs(provider: &Provider) -> TokenStream {
    let mut writer = ModelWriter::new(provider, &[]);
    for (name, named) in &provider.types {
        writer.object(name, &named.description, &named.object, StructKind::Nested);
    }
    let items = writer.items;
    quote! {
        //! Reusable object types.

        #(#items)*
    }
}
