//! `konnect_integration_instance_auth_credential` and its reusable types, as
//! `schema/providers/konnect/provider.yaml` declares them: nested objects, a list of objects, named types and
//! one-of groups.

use macros::{Attributes, Resource};

/// Short-hand descriptor of an integration instance.
#[derive(Attributes, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[attributes(type_name = "IntegrationInstance")]
pub struct IntegrationInstance {
    /// The display name of the integration instance.
    #[attribute(read_only)]
    pub display_name: Option<String>,
    /// The integration instance ID.
    #[attribute(read_only)]
    pub id: Option<String>,
    /// The machine name of the integration instance that uniquely identifies it within the catalog.
    #[attribute(read_only)]
    pub name: Option<String>,
}

/// A permission the integration instance lacks.
#[derive(Attributes, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[attributes(type_name = "MissingPermission")]
pub struct MissingPermission {
    /// Describes the degraded experience of the integration instance due to the missing permission.
    /// May also include a message on how to resolve the missing permission.
    #[attribute(read_only)]
    pub message: Option<String>,
    #[attribute(read_only)]
    pub scopes: Option<Vec<String>>,
}

/// One request header of the credential.
#[derive(Attributes, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct Header {
    /// The key used to populate the request header.
    #[attribute(required, requires_replacement)]
    pub key: String,
    /// Name of the request header.
    #[attribute(required, requires_replacement)]
    pub name: String,
}

/// The configuration of a `Multi Key` credential.
#[derive(Attributes, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct MultiKeyAuthConfig {
    #[attribute(
        required,
        requires_replacement,
        description = "A list of header key/value pairs used to transmit API credentials to the integration's external API.\nHeader names are defined by the integration within its `Multi Key` authorization strategy definition.\n"
    )]
    pub headers: Vec<Header>,
}

/// The `Multi Key` payload.
#[derive(Attributes, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct MultiKeyAuth {
    #[attribute(required, requires_replacement)]
    pub config: MultiKeyAuthConfig,
}

/// The credential as the API returns it.
#[derive(Attributes, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct MultiKeyAuthCredential {
    /// An ISO-8601 timestamp representation of entity creation date.
    #[attribute(read_only)]
    pub created_at: Option<String>,
    /// Timestamp denoting when the when the credential will expire in RFC-3339 format with a "T" character separating date from time within the field value.
    /// When expired, the credential must be replaced with a new valid credential to re-enable full functionality for the given integration instance.
    ///
    /// A `null` value indicates no known expiration time.
    #[attribute(read_only)]
    pub expires_at: Option<String>,
    #[attribute(read_only)]
    pub id: Option<String>,
    /// Short-hand descriptor of an integration instance.
    #[attribute(read_only)]
    pub integration_instance: Option<IntegrationInstance>,
    /// List of detected missing permissions required to enable the full functionality of the given integration instance.
    #[attribute(read_only)]
    pub missing_permissions: Option<Vec<MissingPermission>>,
    /// Indicates that the credential is no longer valid and must be replaced with a new valid credential.
    #[attribute(read_only)]
    pub tainted: Option<bool>,
}

/// IntegrationInstanceAuthCredential Resource
#[derive(Resource, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[resource(
    provider = "konnect",
    name = "integration_instance_auth_credential",
    import_id = "{integration_instance_id}",
    timeouts_block = false
)]
#[one_of(
    credential,
    description = "The credential to create; the API takes one authorization strategy per request.",
    required,
    discriminator = "type",
    variants(multi_key_auth)
)]
#[one_of(
    issued,
    description = "The credential the API returns, by authorization strategy.",
    discriminator = "type",
    variants(multi_key_auth_credential = "multi_key_auth")
)]
#[operation(
    create,
    method = "POST",
    path = "/v1/integration-instances/{integrationInstanceId}/auth-credential",
    operation_id = "create-integration-instance-auth-credential",
    summary = "Create Integration Instance Auth Credential",
    description = "Creates an auth credential scoped to the given integration instance.\nAuth credentials are singleton resources that have a 1-to-1 relationship with\nan integration instance.\n\nAn attempt to create subsequent auth credentials for an instance will result in a 409 response.\n",
    success = [201],
    errors = ["BadRequestError", "UnauthorizedError", "ForbiddenError", "NotFoundError", "ConflictError"]
)]
#[operation(
    read,
    method = "GET",
    path = "/v1/integration-instances/{integrationInstanceId}/auth-credential",
    operation_id = "get-integration-instance-auth-credential",
    summary = "Get Integration Instance Auth Credential",
    description = "Fetches the auth credential scoped to the given integration instance.",
    errors = ["UnauthorizedError", "ForbiddenError", "NotFoundError"]
)]
#[operation(
    delete,
    method = "DELETE",
    path = "/v1/integration-instances/{integrationInstanceId}/auth-credential",
    operation_id = "delete-integration-instance-auth-credential",
    summary = "Delete Integration Instance Auth Credential",
    description = "Deletes the auth credential scoped to the given integration instance.",
    errors = ["UnauthorizedError", "ForbiddenError", "NotFoundError"]
)]
pub struct IntegrationInstanceAuthCredential {
    /// The `id` of the integration instance.
    #[attribute(required, requires_replacement)]
    pub integration_instance_id: String,
    /// Payload used to create an `Multi Key` credential for an integration instance.
    #[attribute(optional, requires_replacement)]
    pub multi_key_auth: Option<MultiKeyAuth>,
    /// An ISO-8601 timestamp representation of entity creation date.
    #[attribute(read_only)]
    pub created_at: Option<String>,
    /// Timestamp denoting when the when the credential will expire in RFC-3339 format with a "T" character separating date from time within the field value.
    /// When expired, the credential must be replaced with a new valid credential to re-enable full functionality for the given integration instance.
    ///
    /// A `null` value indicates no known expiration time.
    #[attribute(read_only)]
    pub expires_at: Option<String>,
    #[attribute(read_only)]
    pub id: Option<String>,
    /// Short-hand descriptor of an integration instance.
    #[attribute(read_only)]
    pub integration_instance: Option<IntegrationInstance>,
    /// List of detected missing permissions required to enable the full functionality of the given integration instance.
    #[attribute(read_only)]
    pub missing_permissions: Option<Vec<MissingPermission>>,
    /// Represents a credential scoped to an integration instance that supports the `Multi Key` authorization strategy.
    #[attribute(read_only)]
    pub multi_key_auth_credential: Option<MultiKeyAuthCredential>,
    /// Indicates that the credential is no longer valid and must be replaced with a new valid credential.
    #[attribute(read_only)]
    pub tainted: Option<bool>,
}
