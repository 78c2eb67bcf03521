//! `infra_access_key`, as `schema/providers/infra/provider.yaml` declares it.

use macros::Resource;

/// Provides an Infra access key. This resource can be used to create and manage connector access keys.
///
/// -> This resource requires Infra server version 0.20.0 or higher.
#[derive(Resource, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[resource(provider = "infra", name = "access_key", timeouts_block = false)]
#[operation(create, method = "POST", path = "/api/access-keys", summary = "Create an access key", success = [201], errors = ["BadRequestError", "UnauthorizedError", "ForbiddenError"])]
#[operation(read, method = "GET", path = "/api/access-keys/{id}", summary = "Get an access key", errors = ["UnauthorizedError", "ForbiddenError", "NotFoundError"])]
#[operation(delete, method = "DELETE", path = "/api/access-keys/{id}", summary = "Delete an access key", errors = ["UnauthorizedError", "ForbiddenError", "NotFoundError"])]
pub struct AccessKey {
    /// The date-time when the access key will expire. Format is a RFC3339 timestamp, e.g. "2006-01-02T15:04:05Z07:00." Cannot be used with `expires_in`.
    #[attribute(optional, computed, requires_replacement)]
    pub expires_at: Option<String>,
    /// The total amount of time before the access key expires. Format is a duration string, a sequence of decimal numbers, each with optional fraction and a unit suffix, such as "300s" or "2h45m". Valid time units are "s", "m", "h". Default is 8766h0m0s. Cannot be used with `expires_at`.
    #[attribute(optional, requires_replacement, regex = r"^([0-9]+(\.[0-9]+)?[smh])+$")]
    pub expires_in: Option<String>,
    /// The amount of time before the access key expires if left unused. If the access key is used before it expires, it will be renewed for the same duration. Format is a duration string, a sequence of decimal numbers, each with optional fraction and a unit suffix, such as "300s" or "2h45m". Valid time units are "s", "m", "h". If value is greater than or equal to the remaining lifetime of the access key, the access key will not be renewed. Default is 72h0m0s.
    #[attribute(optional, default = "72h0m0s", requires_replacement, regex = r"^([0-9]+(\.[0-9]+)?[smh])+$")]
    pub inactivity_timeout: Option<String>,
    /// The access key's name. If omitted, a name will be automatically generated. Identity provider names may include letters (uppercase and lowercase), numbers, underscores `_`, hyphens `-`, and periods `.`.
    #[attribute(optional, computed, requires_replacement, regex = "^[A-Za-z0-9_.-]+$", length(min = 2, max = 256))]
    pub name: Option<String>,
    /// The access key's unique identifier.
    #[attribute(read_only)]
    pub id: Option<String>,
    /// The access key secret.
    #[attribute(read_only, sensitive)]
    pub secret: Option<String>,
}
