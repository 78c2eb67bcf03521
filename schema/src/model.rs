//! The schema model: one provider, its resources and data sources, and their attributes.
//!
//! Every loader (YAML, Terraform's provider-schema JSON, the derive macros) builds these types and every
//! emitter reads them. The model holds Terraform's schema concepts (attributes, nested attributes, blocks,
//! object and tuple types) plus what the REST client needs (API field names, operations, error types).
//! Collections keep the order in which the source declared their members; emitters sort where their
//! output format demands it.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// A Terraform provider and the REST API behind it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    /// Short name, the prefix of every resource type name (`konnect`).
    pub name: String,
    /// Markdown description of the provider, shown on its index page.
    pub description: String,
    /// Base URL used when the configuration sets no server URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_server_url: Option<String>,
    /// How requests authenticate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth: Option<Auth>,
    /// How attribute names map to API field names when an attribute does not name its field.
    pub api_naming: Casing,
    /// The provider block's configuration attributes.
    pub config: Object,
    /// Named object types that attributes reference with [`Type::Named`] or a nested attribute.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub types: IndexMap<String, NamedType>,
    /// Error types that operations can return, by name.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub errors: IndexMap<String, ErrorType>,
    /// Managed resources, by Terraform type name (`konnect_integration_instance_auth_credential`).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub resources: IndexMap<String, Resource>,
    /// Data sources, by Terraform type name.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub data_sources: IndexMap<String, Resource>,
    /// Ephemeral resources, by Terraform type name: values opened for one Terraform run (a short-lived
    /// token) that never reach state or plan, opened by `open` and, where the API has them, kept alive
    /// by `renew` and given back by `close`.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub ephemeral_resources: IndexMap<String, Resource>,
    /// List resources, by Terraform type name (provider-schema JSON only).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub list_resources: IndexMap<String, Resource>,
    /// State stores, by Terraform type name (provider-schema JSON only).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub state_stores: IndexMap<String, Resource>,
    /// Actions, by Terraform type name (provider-schema JSON only).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub actions: IndexMap<String, Resource>,
    /// Provider functions, by name (provider-schema JSON only).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub functions: IndexMap<String, Function>,
    /// Options that change how documentation is written.
    pub docs: DocsOptions,
    /// The Pulumi package bridged from this provider, for its Registry pages; `None` takes every default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pulumi: Option<PulumiPackage>,
}

impl Provider {
    /// A Terraform type name without the `<provider>_` prefix (`access_key` for `infra_access_key`); a name
    /// without the prefix is returned whole.
    pub fn short_name<'a>(&self, type_name: &'a str) -> &'a str {
        type_name.strip_prefix(&self.name).and_then(|rest| rest.strip_prefix('_')).unwrap_or(type_name)
    }

    /// The description documentation shows for an attribute: its own (for a named type without one, the
    /// type's), followed by the replacement note when the attribute requires replacement.
    pub fn documented_description(&self, attribute: &Attribute) -> String {
        let mut description = attribute.description.clone();
        if description.is_empty() {
            if let Some(NestedObject::Named(reference)) = attribute.ty.as_nested().map(|nested| &nested.object) {
                description = reference.named().description.clone();
            }
        }
        if let (true, Some(note)) = (attribute.requires_replacement, &self.docs.requires_replacement_note) {
            if !description.is_empty() && !description.ends_with(char::is_whitespace) {
                description.push(' ');
            }
            description.push_str(note);
        }
        description
    }
}

/// How the client authenticates its requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Auth {
    /// `Authorization: Bearer <token>`, the token taken from a config attribute.
    Bearer {
        /// The config attribute holding the token.
        attribute: String,
    },
    /// A header carrying the key as it is, the key taken from a config attribute.
    ApiKey {
        /// The header's name (`X-API-Key`).
        header: String,
        /// The config attribute holding the key.
        attribute: String,
    },
}

impl Auth {
    /// The config attribute holding the credential.
    pub fn attribute(&self) -> &str {
        match self {
            Auth::Bearer { attribute } | Auth::ApiKey { attribute, .. } => attribute,
        }
    }
}

/// A case convention for deriving API field names from snake_case attribute names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Casing {
    /// `created_at` stays `created_at`.
    #[serde(rename = "snake_case")]
    Snake,
    /// `created_at` becomes `createdAt` (the default).
    #[serde(rename = "camelCase")]
    #[default]
    Camel,
    /// `created_at` becomes `CreatedAt`.
    #[serde(rename = "PascalCase")]
    Pascal,
    /// `created_at` becomes `created-at`.
    #[serde(rename = "kebab-case")]
    Kebab,
}

impl Casing {
    /// Every convention with the name the YAML format uses for it.
    pub const ALL: [(&'static str, Casing); 4] = [
        ("snake_case", Casing::Snake),
        ("camelCase", Casing::Camel),
        ("PascalCase", Casing::Pascal),
        ("kebab-case", Casing::Kebab),
    ];

    /// Converts a snake_case attribute name to this convention.
    pub fn apply(self, name: &str) -> String {
        use heck::{ToKebabCase, ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};
        match self {
            Casing::Snake => name.to_snake_case(),
            Casing::Camel => name.to_lower_camel_case(),
            Casing::Pascal => name.to_upper_camel_case(),
            Casing::Kebab => name.to_kebab_case(),
        }
    }
}

/// Options for the documentation emitter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocsOptions {
    /// Sentence appended to the description of attributes that require replacement; `None` appends nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_replacement_note: Option<String>,
}

impl Default for DocsOptions {
    fn default() -> Self {
        DocsOptions { requires_replacement_note: Some("Requires replacement if changed.".to_owned()) }
    }
}

/// The Pulumi package bridged from a provider: what its Registry pages name and link. Every field left
/// `None` takes the bridge's default for the provider's name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PulumiPackage {
    /// Package name, the first part of every type token (default: the provider name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Repository URL shown under Package Details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    /// License shown under Package Details (none shows the heading alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// The Terraform provider the package is based on (default: the provider name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terraform_provider: Option<String>,
    /// npm package (default `@pulumi/<name>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nodejs: Option<String>,
    /// Python module (default `pulumi_<name>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub python: Option<String>,
    /// Go import path of the package (default `github.com/pulumi/pulumi-<name>/sdk/go/<name>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub go: Option<String>,
    /// .NET namespace (default `Pulumi.<Name>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csharp: Option<String>,
    /// Java package (default `com.pulumi.<name>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub java: Option<String>,
    /// The package's namespace, which Pulumi HCL programs name in `required_providers` as
    /// `<namespace>/<name>` (default `pulumi`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Pulumi type names of resources whose name is not their short name in PascalCase, by short name.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub resource_names: IndexMap<String, String>,
    /// Whether attributes that require replacement carry the "Changes to this property will trigger
    /// replacement." badge (the bridge shows it for SDKv2 `ForceNew`); otherwise their description
    /// carries [`DocsOptions::requires_replacement_note`], as Plugin Framework providers' do.
    #[serde(default)]
    pub replacement_badge: bool,
    /// Whether the property indicators (required, replacement) are written as text, as the Registry's
    /// layout until 2025 showed them, rather than as icons with the text as their title.
    #[serde(default)]
    pub text_indicators: bool,
}

/// A named, reusable object type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedType {
    /// Markdown description, used where a referencing attribute has none.
    pub description: String,
    /// The type's members.
    pub object: Object,
}

/// A documented error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorType {
    /// HTTP status code.
    pub status: u16,
    /// Content type of the error body (`application/problem+json`).
    pub content_type: String,
    /// What the error means.
    pub description: String,
}

/// A managed resource or a data source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    /// Markdown description.
    pub description: String,
    /// Registry subcategory, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<String>,
    /// Deprecation message; `Some` marks the resource deprecated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<String>,
    /// The resource's attributes, blocks and one-of groups.
    pub schema: Object,
    /// The REST operations behind the resource.
    pub operations: Operations,
    /// The attribute that identifies an object in state (usually `id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_attribute: Option<String>,
    /// How Terraform identifies an existing object, for import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import: Option<Import>,
    /// The resource identity schema (provider-schema JSON only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// How long each of its operations may take unless the configuration's `timeouts` block says
    /// otherwise; empty for a schema that only documents a provider.
    #[serde(default, skip_serializing_if = "Timeouts::is_empty")]
    pub timeouts: Timeouts,
    /// The version of its schema, which state records: raised whenever stored state must change shape.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub version: u64,
    /// How state written by each older version becomes the current shape, one step per version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub upgrades: Vec<Upgrade>,
    /// Resource types whose objects a `moved` block may bring here (a resource renamed or split), and
    /// how their state becomes this resource's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved_from: Vec<MovedFrom>,
    /// For an ephemeral resource with a `renew` operation: how long after it is opened (or renewed)
    /// Terraform renews it, if the run still needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renew_every: Option<std::time::Duration>,
}

/// A resource type whose objects move to another with Terraform's `moved` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MovedFrom {
    /// The Terraform type name the objects had (`shop_client`).
    pub type_name: String,
    /// How the state it wrote (at its latest version) becomes the new resource's, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moves: Vec<Move>,
}

/// How state of one schema version becomes the next version's: moves applied in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Upgrade {
    /// The version the state has before the step (it has `from + 1` after).
    pub from: u64,
    /// What the step does.
    pub moves: Vec<Move>,
}

/// One change a state upgrade makes, at a dotted path of attributes (`spec.size`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Move {
    /// The value at `from` moves to `to`: a rename, or a move into or out of a nested object.
    Rename {
        /// Where the value was.
        from: String,
        /// Where it goes.
        to: String,
    },
    /// The value at `attribute` becomes `to`: text from a number or a bool and back, a one-element list
    /// from a single value and back.
    Convert {
        /// Where the value is.
        attribute: String,
        /// What it becomes.
        to: Conversion,
    },
    /// `attribute` takes `value` where the state has none (a new required attribute).
    Default {
        /// The attribute.
        attribute: String,
        /// Its value.
        value: Value,
    },
    /// `attribute` goes.
    Drop {
        /// The attribute.
        attribute: String,
    },
}

/// What a [`Move::Convert`] turns a value into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Conversion {
    /// Text.
    String,
    /// A number.
    Number,
    /// A bool.
    Bool,
    /// A list of the one value.
    List,
    /// The one value of a list.
    Single,
}

impl Conversion {
    /// Every conversion with its name in the YAML format.
    pub const ALL: [(&'static str, Conversion); 5] = [
        ("string", Conversion::String),
        ("number", Conversion::Number),
        ("bool", Conversion::Bool),
        ("list", Conversion::List),
        ("single", Conversion::Single),
    ];
}

/// The name of the block that sets a resource's [`Timeouts`] in a configuration.
pub const TIMEOUTS: &str = "timeouts";

/// How long each operation of a resource may take, its retries and waits included, one limit per
/// operation the resource has (a data source's read); and whether configurations may set their own in a
/// `timeouts` block, as Terraform users do per resource (`timeouts { create = "60m" }`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeouts {
    /// The default limit of each operation.
    pub limits: IndexMap<OperationKind, std::time::Duration>,
    /// Whether the resource has a `timeouts` block (a schema describing a provider without one says no;
    /// the limits still hold).
    pub block: bool,
}

impl Timeouts {
    /// The operations a `timeouts` block can bound, in the order it lists them.
    pub const KINDS: [OperationKind; 4] =
        [OperationKind::Create, OperationKind::Read, OperationKind::Update, OperationKind::Delete];

    /// The default limit of an operation: 5 minutes for a read, 20 for the others.
    pub fn default_limit(kind: OperationKind) -> std::time::Duration {
        let minutes = if kind == OperationKind::Read { 5 } else { 20 };
        std::time::Duration::from_secs(minutes * 60)
    }

    /// The default limits of the operations a resource (or, with `data_source`, a data source) has, with
    /// a `timeouts` block.
    pub fn defaults(operations: &Operations, data_source: bool) -> Self {
        let has = |kind: OperationKind| operations.get(kind).is_some() && (!data_source || kind == OperationKind::Read);
        let limits = Self::KINDS.into_iter().filter(|kind| has(*kind)).map(|kind| (kind, Self::default_limit(kind)));
        Timeouts { limits: limits.collect(), block: true }
    }

    /// The limits of an ephemeral resource's operations: 5 minutes each, and no `timeouts` block (an
    /// ephemeral resource's configuration has only its attributes).
    pub fn ephemeral(operations: &Operations) -> Self {
        let limits = OperationKind::EPHEMERAL
            .into_iter()
            .filter(|kind| operations.get(*kind).is_some())
            .map(|kind| (kind, std::time::Duration::from_secs(5 * 60)));
        Timeouts { limits: limits.collect(), block: false }
    }

    /// Whether no operation is bounded.
    pub fn is_empty(&self) -> bool {
        self.limits.is_empty()
    }

    /// Whether configurations see a `timeouts` block.
    pub fn has_block(&self) -> bool {
        self.block && !self.limits.is_empty()
    }

    /// The block as Terraform shows it: an optional duration per operation.
    pub fn schema_block(&self) -> Block {
        let attributes = self.limits.iter().map(|(kind, limit)| {
            let description = format!(
                "How long the {} may take, retries and waits included, as a duration such as `\"30s\"` or `\"2h45m\"` (units `s`, `m`, `h`). Default: `{}`.",
                kind.key(),
                crate::duration::format(*limit)
            );
            let mut attribute = Attribute::new(Type::String, Mode::Optional, kind.key());
            attribute.description = description;
            (kind.key().to_owned(), attribute)
        });
        Block {
            nesting: NestingMode::Single,
            min_items: 0,
            max_items: 0,
            description: "How long each operation may take before it fails.".to_owned(),
            deprecated: false,
            object: Object { attributes: attributes.collect(), ..Object::default() },
        }
    }
}

impl Resource {
    /// The description Terraform and the Registry pages show for the resource of type `type_name`: its
    /// own, then a warning carrying its deprecation message, then how objects of the types it was moved
    /// from come here, as callouts the Registry renders (`~>` a warning, `->` a note).
    pub fn documented_description(&self, type_name: &str) -> String {
        let mut notes = Vec::new();
        if let Some(message) = self.deprecation.as_deref().filter(|message| !message.trim().is_empty()) {
            notes.push(format!("~> **Deprecated:** {}", message.trim()));
        }
        if let Some((first, _)) = self.moved_from.split_first() {
            let types: Vec<String> = self.moved_from.iter().map(|moved| format!("`{}`", moved.type_name)).collect();
            notes.push(format!(
                "-> Objects managed as {} move here without being replaced: write a `moved` block with `from = {}.<name>` and `to = {type_name}.<name>` (Terraform 1.8 and later).",
                types.join(" or "),
                first.type_name
            ));
        }
        if notes.is_empty() {
            return self.description.clone();
        }
        let own = self.description.trim_end();
        if !own.trim().is_empty() {
            notes.insert(0, own.to_owned());
        }
        notes.join("\n\n")
    }

    /// The resource's schema as Terraform sees it: its attributes, and its `timeouts` block where it has
    /// one.
    pub fn terraform_schema(&self) -> std::borrow::Cow<'_, Object> {
        if !self.timeouts.has_block() {
            return std::borrow::Cow::Borrowed(&self.schema);
        }
        let mut schema = self.schema.clone();
        schema.blocks.insert(TIMEOUTS.to_owned(), self.timeouts.schema_block());
        std::borrow::Cow::Owned(schema)
    }

    /// The root attributes the API never returns: those marked `not_returned`, and those its operations
    /// take only as query parameters.
    pub fn unreturned(&self) -> std::collections::BTreeSet<String> {
        let operations: Vec<&Operation> = self.operations.iter().map(|(_, operation)| operation).collect();
        let in_body = |name: &String| {
            operations.iter().any(|operation| operation.body.as_ref().is_some_and(|body| body.contains(name)))
        };
        let query_only = operations.iter().flat_map(|operation| operation.query.iter()).filter(|name| !in_body(name));
        let marked =
            self.schema.attributes.iter().filter(|(_, attribute)| attribute.not_returned).map(|(name, _)| name);
        query_only.chain(marked).cloned().collect()
    }
}

/// A resource identity schema: the attributes that identify an object for import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    /// The identity attributes, by name.
    pub attributes: IndexMap<String, IdentityAttribute>,
}

/// One attribute of an [`Identity`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdentityAttribute {
    /// Its type.
    #[serde(rename = "type")]
    pub ty: Type,
    /// Markdown description.
    pub description: String,
    /// An import must give it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub required_for_import: bool,
    /// An import may give it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional_for_import: bool,
}

/// A provider-defined function.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Function {
    /// One-line summary.
    pub summary: String,
    /// Markdown description.
    pub description: String,
    /// Deprecation message; `Some` marks the function deprecated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<String>,
    /// Positional parameters; `None` when the schema has no parameter list at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Vec<Parameter>>,
    /// The variadic parameter that takes the remaining arguments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variadic: Option<Parameter>,
    /// The type of the result.
    pub return_type: Type,
}

/// A function parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parameter {
    /// Its name.
    pub name: String,
    /// Markdown description.
    pub description: String,
    /// It accepts null.
    #[serde(default, skip_serializing_if = "is_false")]
    pub nullable: bool,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: Type,
}

/// The members of an object: the root of a resource, a nested attribute's object or a block's body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Object {
    /// Attributes, by name.
    pub attributes: IndexMap<String, Attribute>,
    /// Blocks, by name. The YAML format declares none; provider-schema JSON has them.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub blocks: IndexMap<String, Block>,
    /// Groups of mutually exclusive object attributes.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub one_of: IndexMap<String, OneOf>,
}

/// One attribute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    /// Its type.
    #[serde(rename = "type")]
    pub ty: Type,
    /// Whether the practitioner must, may or cannot set it.
    pub mode: Mode,
    /// Markdown description.
    pub description: String,
    /// Changing it destroys and re-creates the object.
    #[serde(default, skip_serializing_if = "is_false")]
    pub requires_replacement: bool,
    /// Terraform hides its value in plans and logs.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
    /// Its value is sent to the API but never stored in state.
    #[serde(default, skip_serializing_if = "is_false")]
    pub write_only: bool,
    /// Deprecation message; `Some` marks the attribute deprecated (the message may be empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<String>,
    /// Value used when the configuration leaves it unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    /// Checks its value must pass.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub validators: Vec<Validator>,
    /// The field name in API requests and responses.
    pub api_name: String,
    /// The field name in answers, where the API answers the field under another name than it takes it
    /// (`tag_key` sent, `key` answered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_name: Option<String>,
    /// Environment variable read when a provider config attribute is unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<String>,
    /// The API gives it a new value on every update (`updated_at`, `etag`, `version`): planned as
    /// "(known after apply)" whenever the object changes. Computed attributes only.
    #[serde(default, skip_serializing_if = "is_false")]
    pub changes_on_update: bool,
    /// The API does not return it (a write-once field, a value it only takes as a query parameter or
    /// normalises): state keeps the configured value, and an import cannot fill it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub not_returned: bool,
    /// What an update sends when the configuration no longer sets the attribute, instead of the
    /// operation's [`Unset`] rule (an API that clears a field with `""` or `[]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unset_value: Option<Value>,
    /// A string attribute whose text is JSON: the API takes and answers the JSON value itself, and an
    /// answer that means the same value as the text in state (other spacing, other key order) is no
    /// change.
    #[serde(default, skip_serializing_if = "is_false")]
    pub json: bool,
}

impl Attribute {
    /// The field name in answers: [`Attribute::answer_name`], else [`Attribute::api_name`].
    pub fn answered_as(&self) -> &str {
        self.answer_name.as_deref().unwrap_or(&self.api_name)
    }

    /// An attribute of `ty` and `mode` with every other field at its default and the API name `api_name`.
    pub fn new(ty: Type, mode: Mode, api_name: impl Into<String>) -> Self {
        Attribute {
            ty,
            mode,
            description: String::new(),
            requires_replacement: false,
            sensitive: false,
            write_only: false,
            deprecation: None,
            default: None,
            validators: Vec::new(),
            api_name: api_name.into(),
            answer_name: None,
            env: None,
            changes_on_update: false,
            not_returned: false,
            unset_value: None,
            json: false,
        }
    }
}

fn is_false(value: &bool) -> bool {
    !value
}

/// Who sets an attribute's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The configuration must set it.
    Required,
    /// The configuration may set it; unset means null.
    Optional,
    /// The configuration may set it; unset means the API (or a default) decides.
    OptionalComputed,
    /// Only the API sets it.
    ReadOnly,
}

impl Mode {
    /// Whether the practitioner may write the attribute in configuration.
    pub fn is_configurable(self) -> bool {
        self != Mode::ReadOnly
    }

    /// Whether the value may come from the API or a default rather than the configuration.
    pub fn is_computed(self) -> bool {
        matches!(self, Mode::OptionalComputed | Mode::ReadOnly)
    }
}

/// An attribute type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Type {
    /// UTF-8 text.
    String,
    /// A 64-bit signed integer (Terraform `Number`).
    Int64,
    /// A 64-bit float (Terraform `Number`).
    Float64,
    /// An arbitrary-precision number.
    Number,
    /// `true` or `false`.
    Bool,
    /// Any value; its type is decided by the configuration.
    Dynamic,
    /// An ordered list.
    List(Box<Type>),
    /// An unordered set.
    Set(Box<Type>),
    /// A map from strings.
    Map(Box<Type>),
    /// An object type whose fields carry no flags or descriptions (Terraform `Object`).
    Object(IndexMap<String, Type>),
    /// A fixed-length sequence of element types.
    Tuple(Vec<Type>),
    /// A nested attribute: an object (or a collection of objects) with attributes of its own.
    Nested(Box<Nested>),
}

/// A type as the YAML format writes it (`list(string)`, `map(Label)`); an object type without attributes
/// is `object`, a tuple `tuple(string, int64)`.
impl std::fmt::Display for Type {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Type::String => f.write_str("string"),
            Type::Int64 => f.write_str("int64"),
            Type::Float64 => f.write_str("float64"),
            Type::Number => f.write_str("number"),
            Type::Bool => f.write_str("bool"),
            Type::Dynamic => f.write_str("dynamic"),
            Type::List(element) => write!(f, "list({element})"),
            Type::Set(element) => write!(f, "set({element})"),
            Type::Map(element) => write!(f, "map({element})"),
            Type::Object(_) => f.write_str("object"),
            Type::Tuple(elements) => {
                let elements: Vec<String> = elements.iter().map(ToString::to_string).collect();
                write!(f, "tuple({})", elements.join(", "))
            }
            Type::Nested(nested) => {
                let object = match &nested.object {
                    NestedObject::Inline(_) => "object",
                    NestedObject::Named(reference) => reference.name(),
                };
                match nested.mode {
                    NestingMode::Single => f.write_str(object),
                    NestingMode::List => write!(f, "list({object})"),
                    NestingMode::Set => write!(f, "set({object})"),
                    NestingMode::Map => write!(f, "map({object})"),
                }
            }
        }
    }
}

impl Type {
    /// Whether this is a nested attribute type.
    pub fn as_nested(&self) -> Option<&Nested> {
        match self {
            Type::Nested(nested) => Some(nested),
            _ => None,
        }
    }
}

/// A nested attribute's shape: the nesting mode and the object it nests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nested {
    /// Single object, or a list, set or map of objects.
    pub mode: NestingMode,
    /// The nested object's members.
    pub object: NestedObject,
    /// Minimum number of elements (collections only; 0 for none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub min_items: u64,
    /// Maximum number of elements (collections only; 0 for no limit).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub max_items: u64,
}

fn is_zero(value: &u64) -> bool {
    *value == 0
}

/// The object of a nested attribute: written in place, or a named type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NestedObject {
    /// Declared in place.
    Inline(Object),
    /// A reference to one of [`Provider::types`].
    Named(TypeRef),
}

impl NestedObject {
    /// The object's members, wherever they are declared.
    pub fn members(&self) -> &Object {
        match self {
            NestedObject::Inline(object) => object,
            NestedObject::Named(reference) => &reference.named().object,
        }
    }
}

impl Nested {
    /// The nested object's members, wherever they are declared.
    pub fn members(&self) -> &Object {
        self.object.members()
    }
}

/// A reference to a named type by its name, which holds the type itself once the model is resolved
/// ([`Provider::resolve`], the last step of every loader), so what reads the model never looks a name up.
/// It is written as the name alone; two references are equal when they name the same type.
#[derive(Clone)]
pub struct TypeRef {
    name: String,
    target: Option<std::sync::Arc<NamedType>>,
}

impl TypeRef {
    /// A reference to the type `name`, to be resolved with the rest of the model.
    pub fn new(name: impl Into<String>) -> Self {
        TypeRef { name: name.into(), target: None }
    }

    /// The name of the type.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The type. Every loader resolves the model before handing it out, so a reference read through a
    /// loaded model always holds its type; one that does not is a loader's bug, and stops here.
    pub fn named(&self) -> &NamedType {
        match &self.target {
            Some(named) => named,
            None => panic!("type `{}` was read before the model was resolved (Provider::resolve)", self.name),
        }
    }

    /// Points the reference at its type.
    pub(crate) fn resolve_to(&mut self, named: std::sync::Arc<NamedType>) {
        self.target = Some(named);
    }
}

impl PartialEq for TypeRef {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl std::fmt::Debug for TypeRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("TypeRef").field(&self.name).finish()
    }
}

impl Serialize for TypeRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

impl<'de> Deserialize<'de> for TypeRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(TypeRef::new)
    }
}

/// How nested attributes or blocks repeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NestingMode {
    /// Exactly one object.
    Single,
    /// An ordered list of objects.
    List,
    /// An unordered set of objects.
    Set,
    /// A map of objects by string key.
    Map,
}

/// A block (legacy nested configuration) as found in provider-schema JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// How the block repeats.
    pub nesting: NestingMode,
    /// Minimum number of blocks.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub min_items: u64,
    /// Maximum number of blocks (0 for no limit).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub max_items: u64,
    /// Markdown description.
    pub description: String,
    /// Whether the block is deprecated.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// The block's members.
    pub object: Object,
}

/// Mutually exclusive object attributes of one object, sent to the API as one tagged or untagged value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneOf {
    /// Markdown description.
    pub description: String,
    /// Exactly one variant must be set (otherwise at most one).
    pub required: bool,
    /// The API field that names the variant; `None` for an untagged union.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discriminator: Option<String>,
    /// The variants in declaration order.
    pub variants: Vec<Variant>,
}

/// One variant of a [`OneOf`] group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// The attribute that holds the variant (an object attribute of the same object).
    pub attribute: String,
    /// The discriminator value that selects this variant.
    pub tag: String,
}

/// A constraint on an attribute's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Validator {
    /// The value is one of these.
    Enum(Vec<Value>),
    /// The length (characters of a string, elements of a collection) is within bounds.
    Length {
        /// Smallest length allowed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u64>,
        /// Largest length allowed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u64>,
    },
    /// The number is within bounds (inclusive).
    Range {
        /// Smallest value allowed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// Largest value allowed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
    },
    /// The string matches this regular expression (Rust `regex` syntax).
    Regex(String),
}

impl Validator {
    /// Whether the validator accepts `value`; a validator that does not apply to the value's kind (a
    /// range on a string) accepts it.
    pub fn accepts(&self, value: &Value) -> bool {
        match (self, value) {
            (Validator::Enum(members), value) => members.contains(value),
            (Validator::Length { min, max }, Value::String(_) | Value::List(_) | Value::Map(_)) => {
                let length = match value {
                    Value::String(text) => text.chars().count(),
                    Value::List(items) => items.len(),
                    Value::Map(entries) => entries.len(),
                    _ => 0,
                } as u64;
                !(min.is_some_and(|min| length < min) || max.is_some_and(|max| length > max))
            }
            (Validator::Range { min, max }, Value::Int(_) | Value::Float(_)) => {
                let number = match value {
                    Value::Int(int) => *int as f64,
                    Value::Float(float) => *float,
                    _ => 0.0,
                };
                !(min.is_some_and(|min| number < min) || max.is_some_and(|max| number > max))
            }
            // A pattern that does not compile is reported on its own; it refuses nothing here.
            (Validator::Regex(pattern), Value::String(text)) => {
                regex::Regex::new(pattern).map_or(true, |regex| regex.is_match(text))
            }
            _ => true,
        }
    }

    /// What the validator is called in the format, for messages.
    pub fn rule(&self) -> &'static str {
        match self {
            Validator::Enum(_) => "is not one of its `enum` values",
            Validator::Length { .. } => "fails its `length`",
            Validator::Range { .. } => "is outside its `range`",
            Validator::Regex(_) => "does not match its `regex`",
        }
    }
}

/// A literal value: a default or an enum member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    String(String),
    /// A list or set.
    List(Vec<Value>),
    /// A map or object.
    Map(IndexMap<String, Value>),
}

/// The REST operations of a resource. A data source has `read` (and maybe `list`); an ephemeral resource
/// has `open`, and maybe `renew` and `close`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Operations {
    /// Creates the object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create: Option<Operation>,
    /// Reads the object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<Operation>,
    /// Changes the object in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update: Option<Operation>,
    /// Deletes the object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete: Option<Operation>,
    /// Lists objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<Operation>,
    /// Opens an ephemeral resource: makes the short-lived object and answers its values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<Operation>,
    /// Keeps an open ephemeral resource alive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renew: Option<Operation>,
    /// Gives an ephemeral resource back once the run no longer needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close: Option<Operation>,
}

impl Operations {
    /// The operations that are present, with their kind, in the order of [`OperationKind::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (OperationKind, &Operation)> {
        OperationKind::ALL.into_iter().filter_map(|kind| self.get(kind).map(|operation| (kind, operation)))
    }

    /// The operation of `kind`, if the resource has one.
    pub fn get(&self, kind: OperationKind) -> Option<&Operation> {
        match kind {
            OperationKind::Create => self.create.as_ref(),
            OperationKind::Read => self.read.as_ref(),
            OperationKind::Update => self.update.as_ref(),
            OperationKind::Delete => self.delete.as_ref(),
            OperationKind::List => self.list.as_ref(),
            OperationKind::Open => self.open.as_ref(),
            OperationKind::Renew => self.renew.as_ref(),
            OperationKind::Close => self.close.as_ref(),
        }
    }

    /// The slot of the operation of `kind`.
    pub fn slot(&mut self, kind: OperationKind) -> &mut Option<Operation> {
        match kind {
            OperationKind::Create => &mut self.create,
            OperationKind::Read => &mut self.read,
            OperationKind::Update => &mut self.update,
            OperationKind::Delete => &mut self.delete,
            OperationKind::List => &mut self.list,
            OperationKind::Open => &mut self.open,
            OperationKind::Renew => &mut self.renew,
            OperationKind::Close => &mut self.close,
        }
    }
}

/// Which of a resource's operations an [`Operation`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OperationKind {
    /// Create.
    Create,
    /// Read.
    Read,
    /// Update.
    Update,
    /// Delete.
    Delete,
    /// List.
    List,
    /// Open (an ephemeral resource).
    Open,
    /// Renew (an ephemeral resource).
    Renew,
    /// Close (an ephemeral resource).
    Close,
}

impl OperationKind {
    /// Every kind, in the order the YAML format lists operations.
    pub const ALL: [OperationKind; 8] = [
        OperationKind::Create,
        OperationKind::Read,
        OperationKind::Update,
        OperationKind::Delete,
        OperationKind::List,
        OperationKind::Open,
        OperationKind::Renew,
        OperationKind::Close,
    ];

    /// The operations of an ephemeral resource.
    pub const EPHEMERAL: [OperationKind; 3] = [OperationKind::Open, OperationKind::Renew, OperationKind::Close];

    /// The key that names this operation in the YAML format.
    pub fn key(self) -> &'static str {
        match self {
            OperationKind::Create => "create",
            OperationKind::Read => "read",
            OperationKind::Update => "update",
            OperationKind::Delete => "delete",
            OperationKind::List => "list",
            OperationKind::Open => "open",
            OperationKind::Renew => "renew",
            OperationKind::Close => "close",
        }
    }
}

/// One HTTP operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    /// HTTP method.
    pub method: Method,
    /// Path template below the server URL, with `{param}` placeholders.
    pub path: String,
    /// Stable operation identifier (`create-integration-instance-auth-credential`).
    pub operation_id: String,
    /// One-line summary.
    pub summary: String,
    /// Markdown description.
    pub description: String,
    /// Each `{param}` of the path, in order, with the attribute that fills it.
    pub path_params: Vec<PathParam>,
    /// Attributes sent as query parameters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub query: Vec<String>,
    /// Attributes sent in the JSON body; `None` when the operation sends no body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Vec<String>>,
    /// The field a body attribute has in this operation's body, where it is not the attribute's
    /// `api_name` (an API whose create and update name one field differently), by attribute.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub body_names: IndexMap<String, String>,
    /// Status codes that mean success.
    pub success: Vec<u16>,
    /// The API answers with no body (204, or a success without content): after a create or an update,
    /// the provider reads the object instead; a read that answers nothing says the object exists, and
    /// the state keeps what it holds.
    #[serde(default, skip_serializing_if = "is_false")]
    pub empty_answer: bool,
    /// Names of the [`ErrorType`]s the operation documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
    /// How an update sends a body attribute the configuration no longer sets.
    pub unset: Unset,
    /// The header that carries an idempotency key, when the API takes one: the client sends a fresh key
    /// with each call (the same on every retry), so a write whose answer was lost may be retried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
    /// Further calls that complete the same step, in order (an API that takes some of an object's values,
    /// or answers some of them, only at another path): each is made with the object as the calls before
    /// it left it, and their answers are merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub then: Vec<Operation>,
    /// The field of the request body that holds the object, where the API wraps it (`{"app": {...}}`);
    /// dotted for a field inside another; a field ending in `[]` holds a list of the one object
    /// (`groups[]` for `{"groups": [{...}]}`, `[]` alone for a body that is such a list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_field: Option<String>,
    /// The field of the answer that holds the object, where the API wraps it; written as
    /// [`Operation::body_field`] is (a list's first element is the object).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_field: Option<String>,
    /// What the operation waits for once the API has accepted it (an API that answers 202 and finishes
    /// later): the provider reads the object until it is there, within the operation's time limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<Wait>,
    /// How a create finds what it made when its answer was lost (a 500 or a dropped connection after the
    /// API may have acted) and it cannot be repeated safely: the attributes whose configured values pick
    /// the object out of the resource's `list` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopt: Option<Adopt>,
    /// How a `list` operation's answer leads to the next page, where the API pages its lists; without it
    /// the first answer is the whole list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
}

/// How a list operation's answer leads to its next page. A page without one (the field absent, null or
/// empty; for offsets and page numbers, a page without objects) is the last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paging {
    /// The answer's field at the dotted path `cursor` holds a token the next request sends as the query
    /// parameter `param` (`{"items": [...], "next_cursor": "c2"}` then `?cursor=c2`).
    Cursor {
        /// Where the answer holds the token.
        cursor: String,
        /// The query parameter that takes it.
        param: String,
    },
    /// The answer's field at the dotted path `link` holds the next page's URL, or its path on the API's
    /// server (`{"items": [...], "links": {"next": "/things?page=2"}}`); followed on that server only.
    Link {
        /// Where the answer holds the link.
        link: String,
    },
    /// Each request after the first sends how many objects were read so far as the query parameter
    /// `offset` (`?offset=40`).
    Offset {
        /// The query parameter that takes the count.
        offset: String,
    },
    /// Each request sends the page's number as the query parameter `page`, the first page numbered
    /// `first` (`?page=1`, `?page=2`).
    Page {
        /// The query parameter that takes the number.
        page: String,
        /// The first page's number.
        first: u64,
    },
}

/// What identifies a created object among those the resource's `list` operation answers: the values of
/// some configured attributes, compared as the API holds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adopt {
    /// The attributes compared.
    pub matching: Vec<String>,
}

/// How an operation that the API finishes later is waited for: reads of the object, `interval` apart,
/// until `until` holds, all within the operation's time limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Wait {
    /// What ends the wait.
    pub until: Until,
    /// The time between two reads.
    pub interval: std::time::Duration,
}

impl Wait {
    /// The time between reads where the schema does not say.
    pub const DEFAULT_INTERVAL: std::time::Duration = std::time::Duration::from_secs(5);
}

/// What ends a [`Wait`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Until {
    /// An attribute at the object's root (its status) reaches one of `ready`; one of `failed` ends the
    /// wait with an error.
    Value {
        /// The attribute read.
        attribute: String,
        /// Values that mean the operation is done.
        ready: Vec<Value>,
        /// Values that mean it failed.
        failed: Vec<Value>,
    },
    /// The read answers that the object does not exist (a delete the API finishes later).
    Gone,
    /// An operation resource the answer names (`follow`) says it is done: its field at the dotted path
    /// `status` reaches one of `ready` (one of `failed` ends the wait with an error). A create or an
    /// update then reads the object; a delete is done.
    Operation {
        /// Where the answer names the operation resource.
        follow: Follow,
        /// The field of the operation resource that says how far it is, a dotted path (`metadata.state`).
        status: String,
        /// Values that mean the operation is done.
        ready: Vec<Value>,
        /// Values that mean it failed.
        failed: Vec<Value>,
    },
}

/// Where an answer names the operation resource to follow: a URL or a path on the API's server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Follow {
    /// The `Location` header.
    Location,
    /// A field of the answer, a dotted path (`links.operation`).
    Field(String),
}

impl Operation {
    /// The request body for the object's fields: inside [`Operation::body_field`] where the API wraps it.
    pub fn wrap_body(&self, fields: serde_json::Value) -> serde_json::Value {
        wrap(fields, self.body_field.as_deref())
    }

    /// The object in a request body: inside [`Operation::body_field`] where the API wraps it.
    pub fn object_sent<'v>(&self, body: &'v serde_json::Value) -> Option<&'v serde_json::Value> {
        field_of(body, self.body_field.as_deref())
    }

    /// The object in an answer: inside [`Operation::answer_field`] where the API wraps it, with what sits
    /// beside that field at each level (a page token, related objects) as fields of its own. In a view
    /// that wraps the object (the last of two or more segments), an object beside it (the caller's
    /// permissions on it) gives its fields instead. The outer of two fields of one name wins, as the
    /// leading generator reads such answers (`{"requestSchema": {"id": ..., "form": {"id": ...}}}`).
    pub fn object_in(&self, answer: &serde_json::Value) -> Option<serde_json::Value> {
        let mut object = field_of(answer, self.answer_field.as_deref())?.clone();
        let (Some(path), serde_json::Value::Object(own)) = (self.answer_field.as_deref(), &mut object) else {
            return Some(object);
        };
        let segments: Vec<&str> = path.split('.').collect();
        let mut beside = serde_json::Map::new();
        let mut level = answer;
        for (depth, segment) in segments.iter().enumerate() {
            let (field, list) = path_segment(segment);
            let in_view = depth > 0 && depth == segments.len() - 1;
            if !field.is_empty() {
                for (name, value) in level.as_object().into_iter().flatten().filter(|(name, _)| *name != field) {
                    match value {
                        serde_json::Value::Object(fields) if in_view => {
                            for (name, value) in fields {
                                beside.entry(name.clone()).or_insert_with(|| value.clone());
                            }
                        }
                        _ => {
                            beside.entry(name.clone()).or_insert_with(|| value.clone());
                        }
                    }
                }
                level = level.get(field)?;
            }
            if list {
                level = level.get(0)?;
            }
        }
        own.extend(beside);
        Some(object)
    }

    /// An answer holding `object`: inside [`Operation::answer_field`] where the API wraps it.
    pub fn wrap_answer(&self, object: serde_json::Value) -> serde_json::Value {
        wrap(object, self.answer_field.as_deref())
    }
}

/// One `.`-separated segment of a wrapping path (see [`Operation::body_field`]): the field it names (empty
/// for none) and whether a list's first element follows (`groups[]`).
pub fn path_segment(segment: &str) -> (&str, bool) {
    segment.strip_suffix("[]").map_or((segment, false), |field| (field, true))
}

/// `object` placed where the wrapping `path` says (see [`Operation::body_field`]).
fn wrap(object: serde_json::Value, path: Option<&str>) -> serde_json::Value {
    let Some(path) = path else { return object };
    path.rsplit('.').fold(object, |inner, segment| {
        let (field, list) = path_segment(segment);
        let inner = if list { serde_json::Value::Array(vec![inner]) } else { inner };
        if field.is_empty() { inner } else { serde_json::json!({ field: inner }) }
    })
}

/// The value where the wrapping `path` says (see [`Operation::body_field`]), or the whole `value`
/// without one.
fn field_of<'v>(value: &'v serde_json::Value, path: Option<&str>) -> Option<&'v serde_json::Value> {
    let Some(path) = path else { return Some(value) };
    path.split('.').try_fold(value, |inner, segment| {
        let (field, list) = path_segment(segment);
        let inner = if field.is_empty() { inner } else { inner.get(field)? };
        if list { inner.get(0) } else { Some(inner) }
    })
}

/// How an update tells the API that an attribute was removed from the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unset {
    /// An explicit `null` (JSON merge patch): the default for PATCH.
    Null,
    /// The field is left out of the full representation: the default for PUT and POST.
    Omit,
}

impl Unset {
    /// Every rule with the name the YAML format uses for it.
    pub const ALL: [(&'static str, Unset); 2] = [("null", Unset::Null), ("omit", Unset::Omit)];

    /// The rule of an operation that names none: PATCH merges, so a removal is an explicit null; PUT and
    /// POST send the whole object, so a removal is a field left out.
    pub fn default_for(method: Method) -> Self {
        if method == Method::Patch { Unset::Null } else { Unset::Omit }
    }
}

impl Operation {
    /// The identifier an operation gets when it names none: `<operation>-<resource>` in kebab case.
    pub fn default_operation_id(kind: OperationKind, resource_short_name: &str) -> String {
        use heck::ToKebabCase;
        format!("{}-{}", kind.key(), resource_short_name.to_kebab_case())
    }

    /// The success statuses of an operation that lists none.
    pub fn default_success(kind: OperationKind) -> Vec<u16> {
        match kind {
            OperationKind::Create | OperationKind::Open => vec![200, 201],
            OperationKind::Delete | OperationKind::Close => vec![200, 204],
            _ => vec![200],
        }
    }

    /// Each `{param}` of `path` with its attribute: the one `explicit` names, else the param's snake_case form.
    pub fn bind_path_params(path: &str, explicit: &IndexMap<String, String>) -> Vec<PathParam> {
        use heck::ToSnakeCase;
        placeholders(path)
            .into_iter()
            .map(|name| {
                let attribute = explicit.get(&name).cloned().unwrap_or_else(|| name.to_snake_case());
                PathParam { name, attribute }
            })
            .collect()
    }

    /// The body of a `kind` operation that lists none: for POST, PUT and PATCH every configurable attribute
    /// not sent in the path or query; no body otherwise, nor for an ephemeral resource's renew and close
    /// (which act on the object opened).
    pub fn default_body(
        kind: OperationKind,
        method: Method,
        object: &Object,
        path_params: &[PathParam],
        query: &[String],
    ) -> Option<Vec<String>> {
        if !matches!(method, Method::Post | Method::Put | Method::Patch)
            || matches!(kind, OperationKind::Renew | OperationKind::Close)
        {
            return None;
        }
        let sent_elsewhere =
            |name: &String| query.contains(name) || path_params.iter().any(|param| &param.attribute == name);
        Some(
            object
                .attributes
                .iter()
                .filter(|(name, attribute)| attribute.mode.is_configurable() && !sent_elsewhere(name))
                .map(|(name, _)| name.clone())
                .collect(),
        )
    }
}

pub use crate::template::placeholders;

/// A `{param}` placeholder of a path and the attribute that fills it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathParam {
    /// Placeholder name as written in the path.
    pub name: String,
    /// The attribute whose value fills it.
    pub attribute: String,
}

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
    /// PUT.
    Put,
    /// PATCH.
    Patch,
    /// DELETE.
    Delete,
}

impl Method {
    /// Every method with its name.
    pub const ALL: [(&'static str, Method); 5] = [
        ("GET", Method::Get),
        ("POST", Method::Post),
        ("PUT", Method::Put),
        ("PATCH", Method::Patch),
        ("DELETE", Method::Delete),
    ];

    /// The method's name in upper case.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether repeating the request has the same effect as sending it once, so it may be retried.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }
}

/// How an import ID maps to attributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Import {
    /// Template of the import ID: literal text and `{attribute}` placeholders (`{org_id}/{id}`).
    pub id: String,
    /// The attributes named by the template, in order.
    pub attributes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn wrapped(body_field: Option<&str>, answer_field: Option<&str>) -> Operation {
        Operation {
            method: Method::Put,
            path: "/groups".to_owned(),
            operation_id: "update-group".to_owned(),
            summary: String::new(),
            description: String::new(),
            path_params: Vec::new(),
            query: Vec::new(),
            body: None,
            success: vec![200],
            empty_answer: false,
            errors: Vec::new(),
            unset: Unset::Omit,
            idempotency_key: None,
            body_names: IndexMap::new(),
            then: Vec::new(),
            body_field: body_field.map(str::to_owned),
            answer_field: answer_field.map(str::to_owned),
            wait: None,
            adopt: None,
            paging: None,
        }
    }

    #[test]
    fn objects_wrapped_in_fields_and_lists() {
        let object = json!({"name": "g"});
        let field = wrapped(Some("data.group"), Some("data.group"));
        assert_eq!(field.wrap_body(object.clone()), json!({"data": {"group": {"name": "g"}}}));
        assert_eq!(field.object_in(&json!({"data": {"group": {"name": "g"}}})), Some(object.clone()));
        assert_eq!(
            field.object_in(&json!({"data": {"group": {"name": "g"}, "expanded": [1]}, "name": "outer", "next": "t"})),
            Some(json!({"name": "outer", "expanded": [1], "next": "t"})),
            "what sits beside the object is read as its own, the outer of two of one name winning"
        );
        assert_eq!(
            field
                .object_in(&json!({"data": {"group": {"name": "g"}, "permissions": {"edit": true}}, "meta": {"n": 1}})),
            Some(json!({"name": "g", "edit": true, "meta": {"n": 1}})),
            "an object beside it in the view that wraps it gives its fields"
        );

        let list = wrapped(Some("groups[]"), Some("groups[]"));
        assert_eq!(list.wrap_body(object.clone()), json!({"groups": [{"name": "g"}]}));
        assert_eq!(list.object_sent(&json!({"groups": [{"name": "g"}, {"name": "h"}]})), Some(&object));
        assert_eq!(list.object_in(&json!({"groups": []})), None);
        assert_eq!(list.wrap_answer(object.clone()), json!({"groups": [{"name": "g"}]}));

        let bare = wrapped(Some("[]"), Some("result.[]"));
        assert_eq!(bare.wrap_body(object.clone()), json!([{"name": "g"}]));
        assert_eq!(bare.object_in(&json!({"result": [{"name": "g"}]})), Some(object.clone()));
        assert_eq!(
            list.object_in(&json!({"groups": [{"name": "g"}], "nextPageToken": "t"})),
            Some(json!({"name": "g", "nextPageToken": "t"}))
        );
        assert_eq!(wrapped(None, None).wrap_body(object.clone()), object);
    }
}
