//! The `type:` expression: `string`, `list(int64)`, `map(object)`, `set(Header)`.

use crate::diag::did_you_mean;
use crate::format::spec::TYPE_WORDS;

/// A parsed type expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeExpr {
    /// A primitive, `object`, or a named type (PascalCase).
    Word(String),
    /// `list(T)`, `set(T)` or `map(T)`.
    Collection(Collection, Box<TypeExpr>),
}

/// A collection constructor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collection {
    /// `list(T)`.
    List,
    /// `set(T)`.
    Set,
    /// `map(T)`.
    Map,
}

/// Why a type expression could not be read: the character offset, the message and a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeError {
    /// Offset in characters from the start of the expression.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// Words people write for a type we spell differently.
const ALIASES: &[(&str, &str)] = &[
    ("boolean", "bool"),
    ("int", "int64"),
    ("integer", "int64"),
    ("float", "float64"),
    ("double", "float64"),
    ("str", "string"),
    ("array", "list"),
    ("any", "dynamic"),
];

/// Parses a type expression.
pub fn parse(text: &str) -> Result<TypeExpr, TypeError> {
    let chars: Vec<char> = text.chars().collect();
    let mut parser = Parser { chars: &chars, at: 0, depth: 0 };
    let expr = parser.expr()?;
    parser.skip_space();
    if parser.at < chars.len() {
        return Err(parser.error(
            format!("unexpected `{}` after the type", chars[parser.at]),
            "write one type, such as `list(string)`",
        ));
    }
    Ok(expr)
}

struct Parser<'a> {
    chars: &'a [char],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn expr(&mut self) -> Result<TypeExpr, TypeError> {
        self.skip_space();
        let start = self.at;
        while self.at < self.chars.len() && (self.chars[self.at].is_ascii_alphanumeric() || self.chars[self.at] == '_')
        {
            self.at += 1;
        }
        let word: String = self.chars[start..self.at].iter().collect();
        if word.is_empty() {
            return Err(self.error("expected a type name", "write a type such as `string` or `list(string)`"));
        }
        self.skip_space();
        let collection = match word.as_str() {
            "list" => Some(Collection::List),
            "set" => Some(Collection::Set),
            "map" => Some(Collection::Map),
            _ => None,
        };
        if let Some(collection) = collection {
            if self.peek() != Some('(') {
                return Err(self.error(
                    format!("`{word}` needs an element type"),
                    format!("write `{word}(string)`, or `{word}(object)` with `attributes`"),
                ));
            }
            self.depth += 1;
            if self.depth > 16 {
                return Err(self.error("type nested more than 16 levels deep", "simplify the type"));
            }
            self.at += 1;
            let element = self.expr()?;
            self.skip_space();
            if self.peek() != Some(')') {
                return Err(self.error("expected `)`", format!("close the element type: `{word}(...)`")));
            }
            self.at += 1;
            self.depth -= 1;
            return Ok(TypeExpr::Collection(collection, Box::new(element)));
        }
        if self.peek() == Some('(') {
            return Err(TypeError {
                offset: start,
                message: format!("`{word}` takes no element type"),
                hint: "only list, set and map take an element type".to_owned(),
            });
        }
        let is_type_word = TYPE_WORDS.contains(&word.as_str());
        let is_named = word.starts_with(|c: char| c.is_ascii_uppercase());
        if !is_type_word && !is_named {
            let suggestion = ALIASES
                .iter()
                .find(|(alias, _)| *alias == word)
                .map(|(_, proper)| *proper)
                .or_else(|| did_you_mean(&word, TYPE_WORDS.iter().copied()));
            let hint = match suggestion {
                Some(proper) => format!("did you mean `{proper}`?"),
                None => format!("use one of {}, or a PascalCase name from `types:`", TYPE_WORDS.join(", ")),
            };
            return Err(TypeError { offset: start, message: format!("unknown type `{word}`"), hint });
        }
        Ok(TypeExpr::Word(word))
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn error(&self, message: impl Into<String>, hint: impl Into<String>) -> TypeError {
        TypeError { offset: self.at, message: message.into(), hint: hint.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str) -> TypeExpr {
        TypeExpr::Word(text.to_owned())
    }

    #[test]
    fn parses_nested_collections() {
        assert_eq!(
            parse(" map( list(Header) ) ").unwrap(),
            TypeExpr::Collection(
                Collection::Map,
                Box::new(TypeExpr::Collection(Collection::List, Box::new(word("Header"))))
            )
        );
        assert_eq!(parse("string").unwrap(), word("string"));
    }

    #[test]
    fn suggests_fixes() {
        assert_eq!(parse("strng").unwrap_err().hint, "did you mean `string`?");
        assert_eq!(parse("boolean").unwrap_err().hint, "did you mean `bool`?");
        assert_eq!(parse("list(int64").unwrap_err().message, "expected `)`");
        assert_eq!(parse("list(int)").unwrap_err().hint, "did you mean `int64`?");
        assert_eq!(parse("list").unwrap_err().message, "`list` needs an element type");
        assert_eq!(parse("list(string) x").unwrap_err().offset, 13);
    }
}
