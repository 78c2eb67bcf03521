//! Reads a struct and its `#[attribute(...)]`, `#[attributes(...)]`, `#[resource(...)]`, `#[operation(...)]`
//! and `#[one_of(...)]` options, collecting every error with its span.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, Ident, Lit, LitStr, Token};

/// Every error found, reported together.
#[derive(Default)]
pub struct Errors(Vec<syn::Error>);

impl Errors {
    pub fn push(&mut self, span: Span, message: impl std::fmt::Display) {
        self.0.push(syn::Error::new(span, message));
    }

    pub fn add(&mut self, error: syn::Error) {
        self.0.push(error);
    }

    /// All errors as one, or `None` when there are none.
    pub fn combined(self) -> Option<syn::Error> {
        self.0.into_iter().reduce(|mut all, next| {
            all.combine(next);
            all
        })
    }
}

/// A literal default or enum member.
#[derive(Clone)]
pub enum Literal {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    List(Vec<Literal>),
}

/// The mode flags as written, each with its span.
#[derive(Default)]
pub struct Flags {
    pub required: Option<Span>,
    pub optional: Option<Span>,
    pub computed: Option<Span>,
    pub read_only: Option<Span>,
}

/// One field and its options.
pub struct Field {
    pub ident: Ident,
    pub ty: syn::Type,
    /// The attribute name (the field name without `r#`, or `name = "..."`).
    pub name: String,
    pub flags: Flags,
    pub requires_replacement: Option<Span>,
    pub sensitive: bool,
    pub write_only: Option<Span>,
    pub changes_on_update: Option<Span>,
    pub not_returned: bool,
    pub unset_value: Option<Literal>,
    pub description: Option<String>,
    pub deprecated: Option<String>,
    pub default: Option<(Span, Literal)>,
    pub api_name: Option<String>,
    pub env: Option<String>,
    pub enum_values: Option<Vec<Literal>>,
    pub length: Option<(Option<u64>, Option<u64>)>,
    pub range: Option<(Option<f64>, Option<f64>)>,
    pub regex: Option<String>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    /// A `Vec` that is a set rather than a list.
    pub set: bool,
    /// An `f64` that is an arbitrary-precision Terraform number rather than a float64.
    pub number: bool,
}

/// One `#[operation(...)]`.
pub struct OperationSpec {
    pub kind: Ident,
    pub method: Option<LitStr>,
    pub path: Option<LitStr>,
    pub operation_id: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub path_params: Vec<(String, String)>,
    pub query: Vec<String>,
    pub body: Option<Vec<String>>,
    pub success: Vec<u16>,
    pub errors: Vec<String>,
    /// `unset = "null"` or `unset = "omit"`.
    pub unset: Option<LitStr>,
    /// `idempotency_key = "Idempotency-Key"`.
    pub idempotency_key: Option<String>,
}

/// One `#[one_of(...)]`.
pub struct OneOfSpec {
    pub name: Ident,
    pub description: String,
    pub required: bool,
    pub discriminator: Option<String>,
    pub variants: Vec<(String, Option<String>)>,
}

/// The struct-level options.
#[derive(Default)]
pub struct Container {
    pub type_name: Option<String>,
    pub provider: Option<String>,
    pub resource: Option<String>,
    pub description: Option<String>,
    pub subcategory: Option<String>,
    pub deprecation: Option<String>,
    pub id: Option<String>,
    pub import_id: Option<String>,
    /// `timeouts_block = false`: the resource has no `timeouts` block in its configuration.
    pub timeouts_block: Option<bool>,
    pub rename_all: Option<String>,
    pub operations: Vec<OperationSpec>,
    pub one_of: Vec<OneOfSpec>,
}

/// The options a field attribute accepts, for "did you mean" hints.
const FIELD_OPTIONS: &[&str] = &[
    "required",
    "optional",
    "computed",
    "read_only",
    "requires_replacement",
    "sensitive",
    "write_only",
    "changes_on_update",
    "not_returned",
    "unset_value",
    "description",
    "deprecated",
    "default",
    "api_name",
    "name",
    "env",
    "enum_values",
    "length",
    "range",
    "regex",
    "min_items",
    "max_items",
    "set",
    "number",
];

fn unknown(meta: &ParseNestedMeta<'_>, options: &[&str], what: &str) -> syn::Error {
    let word = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
    let hint = options
        .iter()
        .map(|option| (strsim(&word, option), option))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, option)| format!("; did you mean `{option}`?"))
        .unwrap_or_else(|| format!("; expected one of: {}", options.join(", ")));
    meta.error(format!("unknown {what} option `{word}`{hint}"))
}

/// Edit distance, for suggestions.
fn strsim(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb)).min(row[j] + 1).min(row[j + 1] + 1);
            previous = current;
        }
    }
    row[b.len()]
}

fn string(meta: &ParseNestedMeta<'_>) -> syn::Result<String> {
    Ok(meta.value()?.parse::<LitStr>()?.value())
}

fn number<T: std::str::FromStr>(meta: &ParseNestedMeta<'_>) -> syn::Result<T>
where
    T::Err: std::fmt::Display,
{
    let expr: Expr = meta.value()?.parse()?;
    let text = match &expr {
        Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => int.base10_digits().to_owned(),
        Expr::Lit(ExprLit { lit: Lit::Float(float), .. }) => float.base10_digits().to_owned(),
        Expr::Unary(unary) => quote::quote!(#unary).to_string().replace(' ', ""),
        _ => return Err(syn::Error::new(expr.span(), "expected a number")),
    };
    text.parse().map_err(|error| syn::Error::new(expr.span(), format!("invalid number: {error}")))
}

fn literal(expr: &Expr) -> syn::Result<Literal> {
    match expr {
        Expr::Lit(ExprLit { lit: Lit::Str(text), .. }) => Ok(Literal::Str(text.value())),
        Expr::Lit(ExprLit { lit: Lit::Int(int), .. }) => Ok(Literal::Int(int.base10_parse()?)),
        Expr::Lit(ExprLit { lit: Lit::Float(float), .. }) => Ok(Literal::Float(float.base10_parse()?)),
        Expr::Lit(ExprLit { lit: Lit::Bool(value), .. }) => Ok(Literal::Bool(value.value)),
        Expr::Unary(syn::ExprUnary { op: syn::UnOp::Neg(_), expr, .. }) => match literal(expr)? {
            Literal::Int(value) => Ok(Literal::Int(-value)),
            Literal::Float(value) => Ok(Literal::Float(-value)),
            _ => Err(syn::Error::new(expr.span(), "expected a number after `-`")),
        },
        Expr::Array(array) => Ok(Literal::List(array.elems.iter().map(literal).collect::<syn::Result<_>>()?)),
        other => Err(syn::Error::new(other.span(), "expected a literal: a string, number, bool or list")),
    }
}

fn string_list(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<String>> {
    let array: syn::ExprArray = meta.value()?.parse()?;
    array
        .elems
        .iter()
        .map(|element| match element {
            Expr::Lit(ExprLit { lit: Lit::Str(text), .. }) => Ok(text.value()),
            other => Err(syn::Error::new(other.span(), "expected a string")),
        })
        .collect()
}

fn doc_comment(attrs: &[syn::Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value: Expr::Lit(ExprLit { lit: Lit::Str(text), .. }), ..
            }) => {
                let line = text.value();
                Some(line.strip_prefix(' ').map(str::to_owned).unwrap_or(line))
            }
            _ => None,
        })
        .collect();
    if lines.is_empty() { None } else { Some(lines.join("\n").trim().to_owned()) }
}

/// `#[serde(rename = "...")]` or `#[serde(rename_all = "...")]`, when present.
fn serde_option(attrs: &[syn::Attribute], key: &str) -> Option<String> {
    let mut found = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(key) {
                found = Some(string(&meta)?);
            } else if meta.input.peek(Token![=]) {
                let _: Expr = meta.value()?.parse()?;
            } else if meta.input.peek(syn::token::Paren) {
                let _content;
                syn::parenthesized!(_content in meta.input);
            }
            Ok(())
        });
    }
    found
}

/// Reads one field.
pub fn field(field: &syn::Field, errors: &mut Errors) -> Option<Field> {
    let ident = field.ident.clone()?;
    let mut parsed = Field {
        name: ident.to_string().trim_start_matches("r#").to_owned(),
        ident,
        ty: field.ty.clone(),
        flags: Flags::default(),
        requires_replacement: None,
        sensitive: false,
        write_only: None,
        changes_on_update: None,
        not_returned: false,
        unset_value: None,
        description: doc_comment(&field.attrs),
        deprecated: None,
        default: None,
        api_name: serde_option(&field.attrs, "rename"),
        env: None,
        enum_values: None,
        length: None,
        range: None,
        regex: None,
        min_items: None,
        max_items: None,
        set: false,
        number: false,
    };
    for attr in field.attrs.iter().filter(|attr| attr.path().is_ident("attribute")) {
        let result = attr.parse_nested_meta(|meta| {
            let span = meta.path.span();
            let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
            match key.as_str() {
                "required" => parsed.flags.required = Some(span),
                "optional" => parsed.flags.optional = Some(span),
                "computed" => parsed.flags.computed = Some(span),
                "read_only" => parsed.flags.read_only = Some(span),
                "requires_replacement" => parsed.requires_replacement = Some(span),
                "sensitive" => parsed.sensitive = true,
                "set" => parsed.set = true,
                "number" => parsed.number = true,
                "write_only" => parsed.write_only = Some(span),
                "changes_on_update" => parsed.changes_on_update = Some(span),
                "not_returned" => parsed.not_returned = true,
                "unset_value" => {
                    let expr: Expr = meta.value()?.parse()?;
                    parsed.unset_value = Some(literal(&expr)?);
                }
                "description" => parsed.description = Some(string(&meta)?),
                "deprecated" => parsed.deprecated = Some(string(&meta)?),
                "api_name" => parsed.api_name = Some(string(&meta)?),
                "name" => parsed.name = string(&meta)?,
                "env" => parsed.env = Some(string(&meta)?),
                "regex" => parsed.regex = Some(string(&meta)?),
                "min_items" => parsed.min_items = Some(number(&meta)?),
                "max_items" => parsed.max_items = Some(number(&meta)?),
                "default" => {
                    let expr: Expr = meta.value()?.parse()?;
                    parsed.default = Some((span, literal(&expr)?));
                }
                "enum_values" => {
                    let array: syn::ExprArray = meta.value()?.parse()?;
                    parsed.enum_values = Some(array.elems.iter().map(literal).collect::<syn::Result<_>>()?);
                }
                "length" | "range" => {
                    let (mut min, mut max) = (None, None);
                    meta.parse_nested_meta(|bound| {
                        if bound.path.is_ident("min") {
                            min = Some(number::<f64>(&bound)?);
                        } else if bound.path.is_ident("max") {
                            max = Some(number::<f64>(&bound)?);
                        } else {
                            return Err(unknown(&bound, &["min", "max"], "bound"));
                        }
                        Ok(())
                    })?;
                    if key == "length" {
                        parsed.length = Some((min.map(|value| value as u64), max.map(|value| value as u64)));
                    } else {
                        parsed.range = Some((min, max));
                    }
                }
                _ => return Err(unknown(&meta, FIELD_OPTIONS, "attribute")),
            }
            Ok(())
        });
        if let Err(error) = result {
            errors.add(error);
        }
    }
    Some(parsed)
}

/// Reads the struct-level options.
pub fn container(input: &syn::DeriveInput, errors: &mut Errors) -> Container {
    let mut container = Container {
        description: doc_comment(&input.attrs),
        rename_all: serde_option(&input.attrs, "rename_all"),
        ..Container::default()
    };
    for attr in &input.attrs {
        let result = if attr.path().is_ident("attributes") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("type_name") {
                    container.type_name = Some(string(&meta)?);
                    Ok(())
                } else {
                    Err(unknown(&meta, &["type_name"], "attributes"))
                }
            })
        } else if attr.path().is_ident("resource") {
            attr.parse_nested_meta(|meta| {
                let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
                if key == "timeouts_block" {
                    container.timeouts_block = Some(meta.value()?.parse::<syn::LitBool>()?.value);
                    return Ok(());
                }
                let value = string(&meta);
                match key.as_str() {
                    "provider" => container.provider = Some(value?),
                    "name" => container.resource = Some(value?),
                    "description" => container.description = Some(value?),
                    "subcategory" => container.subcategory = Some(value?),
                    "deprecation" => container.deprecation = Some(value?),
                    "id" => container.id = Some(value?),
                    "import_id" => container.import_id = Some(value?),
                    _ => {
                        return Err(unknown(
                            &meta,
                            &[
                                "provider",
                                "name",
                                "description",
                                "subcategory",
                                "deprecation",
                                "id",
                                "import_id",
                                "timeouts_block",
                            ],
                            "resource",
                        ));
                    }
                }
                Ok(())
            })
        } else if attr.path().is_ident("operation") {
            operation(attr).map(|operation| container.operations.push(operation))
        } else if attr.path().is_ident("one_of") {
            one_of(attr).map(|group| container.one_of.push(group))
        } else {
            Ok(())
        };
        if let Err(error) = result {
            errors.add(error);
        }
    }
    container
}

fn operation(attr: &syn::Attribute) -> syn::Result<OperationSpec> {
    let mut spec: Option<OperationSpec> = None;
    attr.parse_nested_meta(|meta| {
        let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
        let Some(operation) = spec.as_mut() else {
            if ["create", "read", "update", "delete", "list"].contains(&key.as_str()) {
                spec = Some(OperationSpec {
                    kind: meta.path.get_ident().cloned().unwrap_or_else(|| Ident::new("read", meta.path.span())),
                    method: None,
                    path: None,
                    operation_id: None,
                    summary: None,
                    description: None,
                    path_params: Vec::new(),
                    query: Vec::new(),
                    body: None,
                    success: Vec::new(),
                    errors: Vec::new(),
                    unset: None,
                    idempotency_key: None,
                });
                return Ok(());
            }
            return Err(meta.error("an operation starts with its kind: create, read, update, delete or list"));
        };
        match key.as_str() {
            "method" => operation.method = Some(meta.value()?.parse()?),
            "path" => operation.path = Some(meta.value()?.parse()?),
            "operation_id" => operation.operation_id = Some(string(&meta)?),
            "summary" => operation.summary = Some(string(&meta)?),
            "description" => operation.description = Some(string(&meta)?),
            "query" => operation.query = string_list(&meta)?,
            "body" => operation.body = Some(string_list(&meta)?),
            "errors" => operation.errors = string_list(&meta)?,
            "unset" => operation.unset = Some(meta.value()?.parse()?),
            "idempotency_key" => operation.idempotency_key = Some(string(&meta)?),
            "success" => {
                let array: syn::ExprArray = meta.value()?.parse()?;
                for element in &array.elems {
                    match element {
                        Expr::Lit(ExprLit { lit: Lit::Int(code), .. }) => operation.success.push(code.base10_parse()?),
                        other => return Err(syn::Error::new(other.span(), "expected a status code")),
                    }
                }
            }
            "path_params" => meta.parse_nested_meta(|param| {
                let name = param.path.get_ident().map(ToString::to_string).unwrap_or_default();
                operation.path_params.push((name, string(&param)?));
                Ok(())
            })?,
            _ => {
                return Err(unknown(
                    &meta,
                    &[
                        "method",
                        "path",
                        "operation_id",
                        "summary",
                        "description",
                        "path_params",
                        "query",
                        "body",
                        "success",
                        "unset",
                        "idempotency_key",
                        "errors",
                    ],
                    "operation",
                ));
            }
        }
        Ok(())
    })?;
    let spec = spec
        .ok_or_else(|| syn::Error::new(attr.span(), "an operation needs its kind, e.g. `#[operation(read, ...)]`"))?;
    if spec.method.is_none() || spec.path.is_none() {
        return Err(syn::Error::new(spec.kind.span(), "an operation needs `method = \"...\"` and `path = \"...\"`"));
    }
    Ok(spec)
}

fn one_of(attr: &syn::Attribute) -> syn::Result<OneOfSpec> {
    let mut group: Option<OneOfSpec> = None;
    attr.parse_nested_meta(|meta| {
        let Some(spec) = group.as_mut() else {
            let name =
                meta.path.get_ident().cloned().ok_or_else(|| meta.error("a one-of group starts with its name"))?;
            group = Some(OneOfSpec {
                name,
                description: String::new(),
                required: false,
                discriminator: None,
                variants: Vec::new(),
            });
            return Ok(());
        };
        let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
        match key.as_str() {
            "description" => spec.description = string(&meta)?,
            "required" => spec.required = true,
            "discriminator" => spec.discriminator = Some(string(&meta)?),
            "variants" => meta.parse_nested_meta(|variant| {
                let attribute = variant.path.get_ident().map(ToString::to_string).unwrap_or_default();
                let tag = if variant.input.peek(Token![=]) { Some(string(&variant)?) } else { None };
                spec.variants.push((attribute, tag));
                Ok(())
            })?,
            _ => return Err(unknown(&meta, &["description", "required", "discriminator", "variants"], "one_of")),
        }
        Ok(())
    })?;
    group.ok_or_else(|| syn::Error::new(attr.span(), "a one-of group needs a name, e.g. `#[one_of(credential, ...)]`"))
}
