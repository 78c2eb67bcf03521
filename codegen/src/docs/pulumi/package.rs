//! The Pulumi view of a provider, as the Terraform bridge builds it: the package's names per language,
//! each resource's input, output and state properties, and the nested types named after their path.

use std::collections::BTreeMap;

use schema::{Attribute, Mode, NestingMode, Object, Provider, PulumiPackage, Resource, Type, Validator, Value};

use super::names;

/// The package: names and links its pages show.
#[derive(Debug, Clone)]
pub struct Package<'p> {
    /// The provider it is bridged from.
    pub provider: &'p Provider,
    /// Package name, the first part of every token.
    pub name: String,
    /// npm package.
    pub nodejs: String,
    /// Python module.
    pub python: String,
    /// Go import path.
    pub go: String,
    /// .NET namespace.
    pub csharp: String,
    /// Java package.
    pub java: String,
    /// Namespace Pulumi HCL's `required_providers` names.
    pub namespace: String,
    /// Repository URL.
    pub repository: Option<String>,
    /// License.
    pub license: Option<String>,
    /// The Terraform provider it is based on.
    pub terraform_provider: String,
    /// Whether replacement shows as a badge rather than in descriptions.
    pub replacement_badge: bool,
    /// Whether indicators are written as text.
    pub text_indicators: bool,
    metadata: PulumiPackage,
}

impl<'p> Package<'p> {
    /// The package of `provider`, defaults filled in.
    pub fn new(provider: &'p Provider) -> Self {
        let metadata = provider.pulumi.clone().unwrap_or_default();
        let name = metadata.name.clone().unwrap_or_else(|| provider.name.clone());
        Package {
            provider,
            nodejs: metadata.nodejs.clone().unwrap_or_else(|| format!("@pulumi/{name}")),
            python: metadata.python.clone().unwrap_or_else(|| format!("pulumi_{name}")),
            go: metadata.go.clone().unwrap_or_else(|| format!("github.com/pulumi/pulumi-{name}/sdk/go/{name}")),
            csharp: metadata.csharp.clone().unwrap_or_else(|| format!("Pulumi.{}", names::title(&name))),
            java: metadata.java.clone().unwrap_or_else(|| format!("com.pulumi.{name}")),
            namespace: metadata.namespace.clone().unwrap_or_else(|| "pulumi".to_owned()),
            repository: metadata.repository.clone(),
            license: metadata.license.clone(),
            terraform_provider: metadata.terraform_provider.clone().unwrap_or_else(|| provider.name.clone()),
            replacement_badge: metadata.replacement_badge,
            text_indicators: metadata.text_indicators,
            name,
            metadata,
        }
    }

    /// The Go package name: the import path's last element.
    pub fn go_package(&self) -> &str {
        self.go.rsplit('/').next().unwrap_or(&self.go)
    }

    /// The alias C# programs give the namespace: its last part.
    pub fn csharp_alias(&self) -> &str {
        self.csharp.rsplit('.').next().unwrap_or(&self.csharp)
    }

    /// The Pulumi type name of the resource `type_name`.
    pub fn resource_name(&self, type_name: &str) -> String {
        let short = self.provider.short_name(type_name);
        self.metadata.resource_names.get(short).cloned().unwrap_or_else(|| names::resource(short))
    }

    /// The type token of a resource (`konnect:index/integrationInstanceAuthCredential:IntegrationInstanceAuthCredential`).
    pub fn token(&self, resource_name: &str) -> String {
        format!("{}:index/{}:{resource_name}", self.name, names::lower_first(resource_name))
    }

    /// The resource type Pulumi HCL programs use: the package, then the type name in snake_case
    /// (`konnect_integration_instance_auth_credential`; resources here are in the `index` module, which
    /// adds no part).
    pub fn hcl_token(&self, resource_name: &str) -> String {
        format!("{}_{}", self.name, names::hcl_type(resource_name))
    }

    /// The short token YAML programs use (`konnect:IntegrationInstanceAuthCredential`).
    pub fn yaml_token(&self, resource_name: &str) -> String {
        format!("{}:{resource_name}", self.name)
    }
}

/// A property's type, as the Pulumi schema has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    String,
    /// An integer.
    Int,
    /// A floating-point number.
    Float,
    /// `true` or `false`.
    Bool,
    /// Any value.
    Any,
    /// A list (Terraform lists and sets).
    List(Box<Kind>),
    /// A map from strings.
    Map(Box<Kind>),
    /// A nested type, by name.
    Object(String),
}

impl Kind {
    /// Whether values of this kind are, or hold, nested types.
    pub fn has_object(&self) -> bool {
        match self {
            Kind::Object(_) => true,
            Kind::List(element) | Kind::Map(element) => element.has_object(),
            _ => false,
        }
    }
}

/// One property of a resource or nested type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// The Terraform attribute name.
    pub terraform: String,
    /// The Pulumi name (camelCase).
    pub name: String,
    /// Its type.
    pub kind: Kind,
    /// Its description, up to the first blank line, as the bridge reads it.
    pub description: String,
    /// Whether an input must be set.
    pub required: bool,
    /// Whether a practitioner may set it.
    pub input: bool,
    /// Whether changing it replaces the resource (shown only with the replacement badge).
    pub replaces: bool,
    /// Its deprecation message, when deprecated (left out of constructor examples).
    pub deprecation: Option<String>,
    /// The first value its enum validator allows, which constructor examples show.
    pub first_allowed: Option<String>,
}

/// A resource as its Pulumi page shows it.
#[derive(Debug, Clone)]
pub struct ResourceView {
    /// The Terraform type name.
    pub type_name: String,
    /// The Pulumi type name.
    pub name: String,
    /// The resource's description.
    pub description: String,
    /// Every property but `id`, by Pulumi name.
    pub properties: Vec<Property>,
    /// Nested types by name.
    pub types: BTreeMap<String, Vec<Property>>,
}

/// The description of a resource's `id` output.
pub const ID_DESCRIPTION: &str = "The provider-assigned unique ID for this managed resource.";

impl ResourceView {
    /// The view of `resource`.
    pub fn new(package: &Package<'_>, type_name: &str, resource: &Resource) -> Self {
        let name = package.resource_name(type_name);
        let mut types = BTreeMap::new();
        let mut properties = properties(package, &resource.schema, &name, &mut types);
        properties.retain(|property| property.terraform != "id");
        properties.sort_by(|a, b| a.name.cmp(&b.name));
        ResourceView {
            type_name: type_name.to_owned(),
            name,
            description: resource.description.clone(),
            properties,
            types,
        }
    }

    /// Input properties: required first, then by name.
    pub fn inputs(&self) -> Vec<&Property> {
        let mut inputs: Vec<&Property> = self.properties.iter().filter(|property| property.input).collect();
        inputs.sort_by_key(|property| !property.required);
        inputs
    }

    /// Output properties beyond the inputs, `id` among them, by name.
    pub fn outputs(&self) -> Vec<Property> {
        let mut outputs: Vec<Property> = self.properties.iter().filter(|property| !property.input).cloned().collect();
        outputs.push(Property {
            terraform: "id".to_owned(),
            name: "id".to_owned(),
            kind: Kind::String,
            description: ID_DESCRIPTION.to_owned(),
            required: false,
            input: false,
            replaces: false,
            deprecation: None,
            first_allowed: None,
        });
        outputs.sort_by(|a, b| a.name.cmp(&b.name));
        outputs
    }

    /// The state a lookup accepts: every property, by name.
    pub fn state(&self) -> Vec<&Property> {
        self.properties.iter().collect()
    }

    /// Whether any input takes a nested type (the page then notes Python's dictionary literals).
    pub fn has_object_inputs(&self) -> bool {
        self.properties.iter().any(|property| property.input && property.kind.has_object())
    }

    /// Whether the constructor needs its arguments (some input is required).
    pub fn args_required(&self) -> bool {
        self.properties.iter().any(|property| property.input && property.required)
    }

    /// The properties of a nested type: required first, then by name.
    pub fn type_properties(&self, name: &str) -> Vec<&Property> {
        let mut properties: Vec<&Property> = self.types.get(name).into_iter().flatten().collect();
        properties.sort_by_key(|property| !property.required);
        properties
    }
}

/// The properties of `object`, its nested types (named `prefix` + property) added to `types`.
fn properties(
    package: &Package<'_>,
    object: &Object,
    prefix: &str,
    types: &mut BTreeMap<String, Vec<Property>>,
) -> Vec<Property> {
    let mut properties: Vec<Property> = object
        .attributes
        .iter()
        .map(|(terraform, attribute)| property(package, terraform, attribute, prefix, types))
        .collect();
    properties.sort_by(|a, b| a.name.cmp(&b.name));
    properties
}

fn property(
    package: &Package<'_>,
    terraform: &str,
    attribute: &Attribute,
    prefix: &str,
    types: &mut BTreeMap<String, Vec<Property>>,
) -> Property {
    let many = match &attribute.ty {
        Type::List(_) | Type::Set(_) => true,
        Type::Nested(nested) => matches!(nested.mode, NestingMode::List | NestingMode::Set) && nested.max_items != 1,
        _ => false,
    };
    let name = names::property(terraform, many);
    let type_name = format!("{prefix}{}", names::title(&if many { names::singular(&name) } else { name.clone() }));
    let kind = kind(package, &attribute.ty, &type_name, types);
    let provider = package.provider;
    let full = if package.replacement_badge {
        let mut own = attribute.clone();
        own.requires_replacement = false;
        provider.documented_description(&own)
    } else {
        provider.documented_description(attribute)
    };
    Property {
        terraform: terraform.to_owned(),
        name,
        kind,
        description: first_paragraph(&full),
        required: attribute.mode == Mode::Required,
        input: attribute.mode != Mode::ReadOnly,
        replaces: package.replacement_badge && attribute.requires_replacement,
        deprecation: attribute.deprecation.clone(),
        first_allowed: attribute.validators.iter().find_map(|validator| match validator {
            Validator::Enum(values) => match values.first() {
                Some(Value::String(text)) => Some(text.clone()),
                _ => None,
            },
            _ => None,
        }),
    }
}

/// The kind of `ty`; an object type is declared in `types` as `type_name`.
fn kind(package: &Package<'_>, ty: &Type, type_name: &str, types: &mut BTreeMap<String, Vec<Property>>) -> Kind {
    match ty {
        Type::String => Kind::String,
        Type::Int64 => Kind::Int,
        Type::Float64 | Type::Number => Kind::Float,
        Type::Bool => Kind::Bool,
        Type::Dynamic | Type::Tuple(_) => Kind::Any,
        Type::List(element) | Type::Set(element) => Kind::List(Box::new(kind(package, element, type_name, types))),
        Type::Map(element) => Kind::Map(Box::new(kind(package, element, type_name, types))),
        Type::Object(fields) => {
            let object = Object {
                attributes: fields
                    .iter()
                    .map(|(name, ty)| (name.clone(), Attribute::new(ty.clone(), Mode::Optional, name.clone())))
                    .collect(),
                ..Object::default()
            };
            declare(package, &object, type_name, types)
        }
        Type::Nested(nested) => {
            let object = declare(package, nested.members(), type_name, types);
            match nested.mode {
                NestingMode::Single => object,
                NestingMode::List | NestingMode::Set => Kind::List(Box::new(object)),
                NestingMode::Map => Kind::Map(Box::new(object)),
            }
        }
    }
}

fn declare(
    package: &Package<'_>,
    object: &Object,
    type_name: &str,
    types: &mut BTreeMap<String, Vec<Property>>,
) -> Kind {
    let properties = properties(package, object, type_name, types);
    types.insert(type_name.to_owned(), properties);
    Kind::Object(type_name.to_owned())
}

/// The description up to its first blank line, where the bridge's reading of a schema bullet ends.
fn first_paragraph(description: &str) -> String {
    let mut lines = Vec::new();
    for line in description.trim().lines() {
        if line.trim().is_empty() {
            break;
        }
        lines.push(line.trim_end());
    }
    lines.join("\n")
}
