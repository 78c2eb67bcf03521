//! The keys of every mapping in the YAML format, v1, with their documentation and shape.
//!
//! The decoder accepts exactly these keys (anything else is an "unknown key" error) and the JSON Schema
//! export is generated from the same tables, so the two cannot disagree about which keys exist.

/// A mapping of the format: its fixed keys.
#[derive(Debug)]
pub struct MapSpec {
    /// Name used in messages and as the JSON Schema definition name.
    pub name: &'static str,
    /// What the mapping describes.
    pub doc: &'static str,
    /// Its keys.
    pub keys: &'static [KeySpec],
}

impl MapSpec {
    /// The spec of `key`.
    pub fn key(&self, key: &str) -> Option<&KeySpec> {
        self.keys.iter().find(|spec| spec.key == key)
    }
}

/// One key of a [`MapSpec`].
#[derive(Debug)]
pub struct KeySpec {
    /// The key.
    pub key: &'static str,
    /// What it means.
    pub doc: &'static str,
    /// What its value looks like.
    pub shape: Shape,
    /// Whether it must be present.
    pub required: bool,
}

/// The shape of a value.
#[derive(Debug)]
pub enum Shape {
    /// A string.
    String,
    /// A string, or null to turn the setting off.
    StringOrNull,
    /// `true` or `false`.
    Bool,
    /// A non-negative integer.
    Count,
    /// An integer or a float.
    Number,
    /// Any value (defaults, enum members).
    Any,
    /// One of these strings.
    OneOfStrings(&'static [&'static str]),
    /// A list of values of the shape.
    List(&'static Shape),
    /// A mapping from user-chosen names (matching the pattern) to values of the shape.
    Names(&'static str, &'static Shape),
    /// A mapping described by a spec.
    Map(&'static MapSpec),
    /// A value of any of these shapes.
    Either(&'static [Shape]),
}

const fn key(key: &'static str, shape: Shape, doc: &'static str) -> KeySpec {
    KeySpec { key, doc, shape, required: false }
}

const fn required(key: &'static str, shape: Shape, doc: &'static str) -> KeySpec {
    KeySpec { key, doc, shape, required: true }
}

/// Pattern of attribute, resource and one-of group names (Terraform's own rule for attribute names).
pub const SNAKE_NAME: &str = "^[a-z0-9_]+$";
/// Pattern of named types and error types.
pub const PASCAL_NAME: &str = "^[A-Z][A-Za-z0-9]*$";
/// Pattern of a provider name.
pub const PROVIDER_NAME: &str = "^[a-z][a-z0-9]*$";

/// The primitive type names and collection constructors of the `type` key.
pub const TYPE_WORDS: &[&str] =
    &["string", "int64", "float64", "number", "bool", "dynamic", "object", "list", "set", "map"];

/// The document: one provider.
pub static PROVIDER: MapSpec = MapSpec {
    name: "provider",
    doc: "A Terraform provider: its configuration, the REST API behind it, its resources and data sources.",
    keys: &[
        key("format_version", Shape::Count, "Version of this file format. Only 1 exists; it is the default."),
        required("name", Shape::String, "Provider short name, the prefix of every resource type (`konnect`)."),
        key(
            "description",
            Shape::String,
            "Markdown description of the provider, shown on its documentation index page.",
        ),
        key("default_server_url", Shape::String, "Base URL of the API used when the configuration sets none."),
        key("auth", Shape::Map(&AUTH), "How API requests authenticate."),
        key(
            "api_naming",
            Shape::OneOfStrings(&["snake_case", "camelCase", "PascalCase", "kebab-case"]),
            "How snake_case attribute names become API field names when an attribute has no `api_name` (default camelCase).",
        ),
        key("config", Shape::Names(SNAKE_NAME, &Shape::Map(&ATTRIBUTE)), "Attributes of the provider block, by name."),
        key("types", Shape::Names(PASCAL_NAME, &Shape::Map(&NAMED_TYPE)), "Reusable object types, by PascalCase name."),
        key(
            "errors",
            Shape::Names(PASCAL_NAME, &Shape::Map(&ERROR_TYPE)),
            "Error responses the API documents, by type name.",
        ),
        key(
            "resources",
            Shape::Names(SNAKE_NAME, &Shape::Map(&RESOURCE)),
            "Managed resources, by name without the provider prefix.",
        ),
        key(
            "data_sources",
            Shape::Names(SNAKE_NAME, &Shape::Map(&RESOURCE)),
            "Data sources, by name without the provider prefix.",
        ),
        key(
            "ephemeral_resources",
            Shape::Names(SNAKE_NAME, &Shape::Map(&RESOURCE)),
            "Ephemeral resources (Terraform 1.10+), by name without the provider prefix: values opened for one run, such as a short-lived token, that never reach state or plan.",
        ),
        key("docs", Shape::Map(&DOCS), "Options for the generated documentation."),
        key("pulumi", Shape::Map(&PULUMI), "The Pulumi package bridged from the provider, for its Registry pages."),
        key(
            "timeouts",
            Shape::Map(&TIMEOUTS),
            "Every resource's default operation limits, and whether resources have a `timeouts` block; a resource's own `timeouts` wins.",
        ),
    ],
};

/// `pulumi:`.
pub static PULUMI: MapSpec = MapSpec {
    name: "pulumi",
    doc: "The Pulumi package bridged from the provider: what its Registry pages name and link.",
    keys: &[
        key("name", Shape::String, "Package name, the first part of every type token (default: the provider name)."),
        key("repository", Shape::String, "Repository URL shown under Package Details."),
        key("license", Shape::String, "License shown under Package Details."),
        key(
            "terraform_provider",
            Shape::String,
            "The Terraform provider the package is based on (default: the provider name).",
        ),
        key("nodejs", Shape::String, "npm package (default `@pulumi/<name>`)."),
        key("python", Shape::String, "Python module (default `pulumi_<name>`)."),
        key("go", Shape::String, "Go import path (default `github.com/pulumi/pulumi-<name>/sdk/go/<name>`)."),
        key("csharp", Shape::String, ".NET namespace (default `Pulumi.<Name>`)."),
        key("java", Shape::String, "Java package (default `com.pulumi.<name>`)."),
        key(
            "namespace",
            Shape::String,
            "Namespace Pulumi HCL programs name in `required_providers` as `<namespace>/<name>` (default `pulumi`).",
        ),
        key(
            "resource_names",
            Shape::Names(SNAKE_NAME, &Shape::String),
            "Pulumi type names of resources, by name without the provider prefix (default: that name in PascalCase).",
        ),
        key(
            "replacement_badge",
            Shape::Bool,
            "Show \"Changes to this property will trigger replacement.\" on attributes that require replacement, as the bridge does for SDKv2 providers (default false: the description's replacement note says it).",
        ),
        key(
            "text_indicators",
            Shape::Bool,
            "Write property indicators (required, replacement) as text, as the Registry's layout until 2025 did (default false: icons).",
        ),
    ],
};

/// `auth:`.
pub static AUTH: MapSpec = MapSpec {
    name: "auth",
    doc: "How API requests authenticate.",
    keys: &[
        required(
            "type",
            Shape::OneOfStrings(&["bearer", "api_key"]),
            "`bearer` sends `Authorization: Bearer <token>`; `api_key` sends the key in `header`.",
        ),
        key("header", Shape::String, "Header that carries the key (`api_key` only)."),
        key("attribute", Shape::String, "Provider config attribute holding the token or key (default `token`)."),
    ],
};

/// `docs:`.
pub static DOCS: MapSpec = MapSpec {
    name: "docs",
    doc: "Options for the generated documentation.",
    keys: &[key(
        "requires_replacement_note",
        Shape::StringOrNull,
        "Sentence appended to the description of attributes that require replacement (default \"Requires replacement if changed.\"); null appends nothing.",
    )],
};

/// An entry of `types:`.
pub static NAMED_TYPE: MapSpec = MapSpec {
    name: "named_type",
    doc: "A reusable object type: attributes referenced from several places by the type's name.",
    keys: &[
        key("description", Shape::String, "Markdown description, used where a referencing attribute has none."),
        required("attributes", Shape::Names(SNAKE_NAME, &Shape::Map(&ATTRIBUTE)), "The type's attributes, by name."),
        key(
            "one_of",
            Shape::Names(SNAKE_NAME, &Shape::Map(&ONE_OF)),
            "Groups of mutually exclusive object attributes.",
        ),
    ],
};

/// An entry of `errors:`.
pub static ERROR_TYPE: MapSpec = MapSpec {
    name: "error_type",
    doc: "An error response the API documents.",
    keys: &[
        required("status", Shape::Count, "HTTP status code."),
        key("content_type", Shape::String, "Content type of the error body (default application/problem+json)."),
        key("description", Shape::String, "What the error means."),
    ],
};

/// An entry of `resources:`, `data_sources:` or `ephemeral_resources:`.
pub static RESOURCE: MapSpec = MapSpec {
    name: "resource",
    doc: "A managed resource, a data source or an ephemeral resource.",
    keys: &[
        key("description", Shape::String, "Markdown description, the first paragraph of its documentation page."),
        key("subcategory", Shape::String, "Registry subcategory the page is listed under."),
        key("deprecation", Shape::String, "Deprecation message; marks the resource deprecated."),
        required(
            "attributes",
            Shape::Names(SNAKE_NAME, &Shape::Map(&ATTRIBUTE)),
            "The resource's attributes, by name.",
        ),
        key(
            "one_of",
            Shape::Names(SNAKE_NAME, &Shape::Map(&ONE_OF)),
            "Groups of mutually exclusive object attributes.",
        ),
        required("operations", Shape::Map(&OPERATIONS), "The REST operations behind the resource."),
        key("id", Shape::String, "Attribute that identifies an object in state (default `id` when it exists)."),
        key(
            "import_id",
            Shape::String,
            "How an import ID is formed from attributes: `{attribute}` placeholders and literal text, e.g. `{org_id}/{id}` (default `{<id attribute>}`).",
        ),
        key(
            "timeouts",
            Shape::Map(&TIMEOUTS),
            "How long each operation may take by default, retries and waits included; the configuration's `timeouts` block overrides it.",
        ),
        key(
            "version",
            Shape::Count,
            "The version of the resource's schema, which state records (default 0): raise it whenever stored state must change shape, with an upgrade step from the version before.",
        ),
        key(
            "upgrades",
            Shape::List(&Shape::Map(&UPGRADE)),
            "How state of each older version becomes the current shape: one step per version, `{from: N, moves: [...]}`.",
        ),
        key(
            "moved_from",
            Shape::List(&Shape::Either(&[Shape::String, Shape::Map(&MOVED_FROM)])),
            "Resource types whose objects a `moved` block may bring here (Terraform 1.8+): a type name, or `{type: old_type, moves: [...]}` when its state changes shape on the way.",
        ),
        key(
            "renew_every",
            Shape::String,
            "For an ephemeral resource with a `renew` operation: how long after opening (or renewing) it Terraform renews it while the run still needs it, a duration such as \"10m\".",
        ),
    ],
};

/// One entry of `moved_from:`.
pub static MOVED_FROM: MapSpec = MapSpec {
    name: "moved_from",
    doc: "A resource type whose objects move here, and how their state changes shape on the way.",
    keys: &[
        required("type", Shape::String, "The Terraform type name the objects had."),
        key(
            "moves",
            Shape::List(&Shape::Map(&MOVE)),
            "How the state that type wrote (at its latest version) becomes this resource's, in order.",
        ),
    ],
};

/// One step of `upgrades:`.
pub static UPGRADE: MapSpec = MapSpec {
    name: "upgrade",
    doc: "How state of one schema version becomes the next version's.",
    keys: &[
        required("from", Shape::Count, "The version the state has before this step."),
        required("moves", Shape::List(&Shape::Map(&MOVE)), "What the step does, in order."),
    ],
};

/// One move of an upgrade step.
pub static MOVE: MapSpec = MapSpec {
    name: "move",
    doc: "One change to stored state, at a dotted path of attributes (`spec.size`): `{rename: a, to: b}`, `{convert: a, to: string}`, `{default: a, value: v}` or `{drop: a}`.",
    keys: &[
        key(
            "rename",
            Shape::String,
            "Moves the value at this path to `to`: a rename, or a move into or out of a nested object.",
        ),
        key(
            "convert",
            Shape::String,
            "Converts the value at this path to `to`: `string`, `number`, `bool`, `list` (a list of the one value) or `single` (the one value of a list).",
        ),
        key(
            "default",
            Shape::String,
            "Gives the attribute at this path `value` where the state has none (a new required attribute).",
        ),
        key("drop", Shape::String, "Removes the value at this path."),
        key("to", Shape::String, "Where `rename` moves the value, or what `convert` makes of it."),
        key("value", Shape::Any, "What `default` gives."),
    ],
};

/// `timeouts:` of the provider or of a resource.
pub static TIMEOUTS: MapSpec = MapSpec {
    name: "timeouts",
    doc: "How long each operation may take by default, as durations (`30s`, `20m`, `2h45m`): 20m for a create, an update or a delete, 5m for a read. A data source has a read only. The provider's apply to every resource; a resource's win over them.",
    keys: &[
        key("create", Shape::String, "The create's limit (default 20m)."),
        key("read", Shape::String, "The read's limit (default 5m)."),
        key("update", Shape::String, "The update's limit (default 20m)."),
        key("delete", Shape::String, "The delete's limit (default 20m)."),
        key(
            "block",
            Shape::Bool,
            "Whether configurations can set their own in a `timeouts` block (default true; false for a schema describing a provider that has none, whose limits still hold).",
        ),
    ],
};

/// `operations:`.
pub static OPERATIONS: MapSpec = MapSpec {
    name: "operations",
    doc: "The REST operations behind a resource. A resource needs create, read and delete; a data source needs read; an ephemeral resource needs open.",
    keys: &[
        key("create", Shape::Map(&OPERATION), "Creates an object."),
        key("read", Shape::Map(&OPERATION), "Reads one object."),
        key("update", Shape::Map(&OPERATION), "Changes an object in place."),
        key("delete", Shape::Map(&OPERATION), "Deletes an object."),
        key("list", Shape::Map(&OPERATION), "Lists objects."),
        key(
            "open",
            Shape::Map(&OPERATION),
            "Opens an ephemeral resource: makes the short-lived object and answers its values.",
        ),
        key("renew", Shape::Map(&OPERATION), "Keeps an open ephemeral resource alive (with `renew_every`)."),
        key("close", Shape::Map(&OPERATION), "Gives an ephemeral resource back once the run no longer needs it."),
    ],
};

/// One operation.
pub static OPERATION: MapSpec = MapSpec {
    name: "operation",
    doc: "One HTTP operation.",
    keys: &[
        required("method", Shape::OneOfStrings(&["GET", "POST", "PUT", "PATCH", "DELETE"]), "HTTP method."),
        required("path", Shape::String, "Path below the server URL, with `{param}` placeholders."),
        key(
            "operation_id",
            Shape::String,
            "Stable identifier of the operation (default `<operation>-<resource>` in kebab case).",
        ),
        key("summary", Shape::String, "One-line summary."),
        key("description", Shape::String, "Markdown description."),
        key(
            "path_params",
            Shape::Names("^[^{}/\\s]+$", &Shape::String),
            "Attribute behind each `{param}` of the path, where its snake_case form is not the attribute's name.",
        ),
        key("query", Shape::List(&Shape::String), "Attributes sent as query parameters."),
        key(
            "body",
            Shape::List(&Shape::String),
            "Attributes sent in the JSON body (default for POST, PUT and PATCH: every configurable attribute not in the path or query; none otherwise).",
        ),
        key(
            "empty_answer",
            Shape::Bool,
            "The API answers with no body (204, or a success without content): after a create or an update, the provider reads the object instead; a read that answers nothing says the object exists.",
        ),
        key(
            "body_names",
            Shape::Names(SNAKE_NAME, &Shape::String),
            "The field a body attribute has in this operation's body, where it is not the attribute's `api_name` (an API whose create and update name one field differently), by attribute.",
        ),
        key(
            "success",
            Shape::List(&Shape::Count),
            "Status codes that mean success (default: 200, 201 for create; 200, 204 for delete; 200 otherwise).",
        ),
        key(
            "errors",
            Shape::List(&Shape::String),
            "Names of the error types (from `errors:`) the operation documents.",
        ),
        key(
            "idempotency_key",
            Shape::String,
            "Header that carries an idempotency key (`Idempotency-Key`): a fresh key per call, the same on every retry, so a write whose answer was lost can be retried safely.",
        ),
        key(
            "unset",
            Shape::String,
            "How an update sends an attribute removed from the configuration: `null` (default for PATCH) or `omit` (default for PUT and POST).",
        ),
        key(
            "body_field",
            Shape::String,
            "The field of the request body that holds the object, for an API that wraps it (`app` for a body `{\"app\": {...}}`; dotted for a field inside another; `groups[]` for a list of the one object, `{\"groups\": [{...}]}`).",
        ),
        key(
            "answer_field",
            Shape::String,
            "The field of the answer that holds the object, for an API that wraps it (`app` for an answer `{\"app\": {...}}`; dotted for a field inside another; `groups[]` where the object is a list's first element).",
        ),
        key(
            "then",
            Shape::List(&Shape::Map(&OPERATION)),
            "Further calls that complete this step, in order, for an API that takes or answers some of an object's values only at another path (`PUT /bundles/{bundle_id}/visibility` after the create): each is made with the object as the calls before it left it (the new object's ID included), and their answers are merged.",
        ),
        key(
            "wait",
            Shape::Map(&WAIT),
            "What the operation waits for once the API accepts it, for an API that finishes it later: a status attribute reaching a ready value (create, update), or the object gone (delete).",
        ),
        key(
            "adopt",
            Shape::Map(&ADOPT),
            "A create without an idempotency key: how to find the object it made when its answer was lost, by listing (`{match: [name]}`).",
        ),
        key(
            "paging",
            Shape::Map(&PAGING),
            "A list: how its answer leads to the next page, `{cursor: next_cursor, param: cursor}`, `{link: links.next}`, `{offset: offset}` or `{page: page}`.",
        ),
    ],
};

/// `paging:` of a list operation.
pub static PAGING: MapSpec = MapSpec {
    name: "paging",
    doc: "How a list operation's answer leads to its next page; a page without one is the last.",
    keys: &[
        key(
            "cursor",
            Shape::String,
            "The dotted path of the answer's field that holds the next page's token (`next_cursor`, `meta.next`), sent back as the query parameter `param`.",
        ),
        key("param", Shape::String, "With `cursor`: the query parameter that takes the token."),
        key(
            "link",
            Shape::String,
            "The dotted path of the answer's field that holds the next page's URL or path (`links.next`), followed on the API's own server only.",
        ),
        key(
            "offset",
            Shape::String,
            "The query parameter that takes how many objects were read so far; a page without objects is the last.",
        ),
        key(
            "page",
            Shape::String,
            "The query parameter that takes the page's number; a page without objects is the last.",
        ),
        key("first", Shape::Count, "With `page`: the first page's number (default 1)."),
    ],
};

/// `wait:` of an operation.
pub static WAIT: MapSpec = MapSpec {
    name: "wait",
    doc: "What an operation the API finishes later waits for (an API that answers 202 and carries on): the provider reads the object every `interval` until it is done, within the operation's time limit.",
    keys: &[
        key(
            "attribute",
            Shape::String,
            "A create or an update: the read-only attribute at the object's root that says how far it is (its status).",
        ),
        key("ready", Shape::List(&Shape::Any), "Values of `attribute` (or `status`) that mean the operation is done."),
        key(
            "failed",
            Shape::List(&Shape::Any),
            "Values of `attribute` (or `status`) that mean it failed: the apply stops with an error (a created object stays in state, tainted, so the next apply replaces it).",
        ),
        key("gone", Shape::Bool, "A delete: wait until the read answers that the object does not exist."),
        key(
            "follow",
            Shape::String,
            "An operation resource to follow instead of the object: `location` for the answer's `Location` header, or the dotted path of the answer's field that holds its URL (`links.operation`); on the API's own server only.",
        ),
        key(
            "status",
            Shape::String,
            "With `follow`: the dotted path of the operation resource's field that says how far it is (`state`, `metadata.done`); `ready` and `failed` list its values.",
        ),
        key("interval", Shape::String, "The time between two reads, as a duration (default 5s)."),
    ],
};

/// `adopt:` of a create.
pub static ADOPT: MapSpec = MapSpec {
    name: "adopt",
    doc: "How a create that cannot be repeated safely (no `idempotency_key`) finds what it made when its answer was lost: the provider lists the objects with the resource's `list` operation and takes the one whose `match` attributes equal the configuration's.",
    keys: &[required(
        "match",
        Shape::List(&Shape::String),
        "Configurable attributes whose values tell the object apart (a name, an email).",
    )],
};

/// An attribute.
pub static ATTRIBUTE: MapSpec = MapSpec {
    name: "attribute",
    doc: "An attribute. Set exactly one of required, optional, read_only, or optional together with computed.",
    keys: &[
        required(
            "type",
            Shape::String,
            "string, int64, float64, number, bool, dynamic, list(T), set(T), map(T), object (with `attributes`), or a type name from `types:`.",
        ),
        key("description", Shape::String, "Markdown description."),
        key("required", Shape::Bool, "The configuration must set it."),
        key("optional", Shape::Bool, "The configuration may set it."),
        key("computed", Shape::Bool, "With optional: when unset, the API or the default decides the value."),
        key("read_only", Shape::Bool, "Only the API sets it."),
        key("requires_replacement", Shape::Bool, "Changing it destroys and re-creates the object."),
        key("sensitive", Shape::Bool, "Hidden in plans, state output and logs."),
        key("write_only", Shape::Bool, "Sent to the API but never stored in state (Terraform 1.11+)."),
        key("deprecated", Shape::String, "Deprecation message; marks the attribute deprecated."),
        key(
            "changes_on_update",
            Shape::Bool,
            "The API gives it a new value on every update (`updated_at`, `etag`): planned as known after apply when the object changes. Computed attributes only.",
        ),
        key(
            "not_returned",
            Shape::Bool,
            "The API does not return it (write-once, query-only or normalised): state keeps the configured value.",
        ),
        key(
            "json",
            Shape::Bool,
            "A string whose text is JSON: the API takes and answers the JSON value itself. String attributes only.",
        ),
        key(
            "unset_value",
            Shape::Any,
            "What an update sends when the configuration stops setting the attribute (default: the operation's `unset` rule).",
        ),
        key(
            "default",
            Shape::Any,
            "Value used when the configuration leaves the attribute unset (optional attributes only).",
        ),
        key("validators", Shape::Map(&VALIDATORS), "Checks the value must pass."),
        key(
            "api_name",
            Shape::String,
            "Field name in API requests and responses (default: the name converted by `api_naming`).",
        ),
        key(
            "answer_name",
            Shape::String,
            "Field name in API answers, where the API answers the field under another name than `api_name`.",
        ),
        key("env", Shape::String, "Environment variable read when this provider config attribute is unset."),
        key(
            "attributes",
            Shape::Names(SNAKE_NAME, &Shape::Map(&ATTRIBUTE)),
            "Nested attributes, for `object`, `list(object)`, `set(object)` and `map(object)`.",
        ),
        key(
            "one_of",
            Shape::Names(SNAKE_NAME, &Shape::Map(&ONE_OF)),
            "Groups of mutually exclusive nested object attributes.",
        ),
        key("min_items", Shape::Count, "Fewest elements of a nested list, set or map."),
        key("max_items", Shape::Count, "Most elements of a nested list, set or map."),
    ],
};

/// `validators:`.
pub static VALIDATORS: MapSpec = MapSpec {
    name: "validators",
    doc: "Checks an attribute's value must pass.",
    keys: &[
        key("enum", Shape::List(&Shape::Any), "The value is one of these."),
        key("length", Shape::Map(&BOUNDS), "Length of a string (characters) or a collection (elements)."),
        key("range", Shape::Map(&BOUNDS), "Numeric value, inclusive."),
        key("regex", Shape::String, "A regular expression the whole string must match somewhere (Rust regex syntax)."),
    ],
};

/// `length:` and `range:`.
pub static BOUNDS: MapSpec = MapSpec {
    name: "bounds",
    doc: "Inclusive bounds; either may be left out.",
    keys: &[key("min", Shape::Number, "Smallest value allowed."), key("max", Shape::Number, "Largest value allowed.")],
};

/// An entry of `one_of:`.
pub static ONE_OF: MapSpec = MapSpec {
    name: "one_of",
    doc: "Mutually exclusive object attributes of the same object, sent to the API as one value.",
    keys: &[
        key("description", Shape::String, "What the choice is about."),
        key("required", Shape::Bool, "Exactly one variant must be set (default: at most one)."),
        key("discriminator", Shape::String, "API field that names the variant; leave out for an untagged union."),
        required(
            "variants",
            Shape::List(&Shape::Either(&[Shape::String, Shape::Map(&VARIANT)])),
            "The variants: attribute names, or `{attribute, tag}` where the discriminator value differs from the attribute's API name.",
        ),
    ],
};

/// A variant written as a mapping.
pub static VARIANT: MapSpec = MapSpec {
    name: "variant",
    doc: "A one-of variant whose discriminator value is given explicitly.",
    keys: &[
        required("attribute", Shape::String, "The object attribute that holds the variant."),
        required("tag", Shape::String, "The discriminator value that selects it."),
    ],
};
