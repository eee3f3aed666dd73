//! A value the manager types to settle a collision, read as the field's kind of value.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::core::field::{FieldError, parse_decimal};

/// Whether a field holding values like these can be typed (text, numbers, flags; not lists).
pub fn typable(like: &[Option<&Value>]) -> bool {
    like.iter().flatten().all(|v| {
        matches!(
            v,
            Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null
        )
    }) && like.iter().flatten().any(|v| !v.is_null())
}

/// `text` as a value of the kind the field holds (`like`: its values in the base and the two
/// copies). Numbers written as text (the format's decimals) are read as the app reads them.
pub fn typed_value(text: &str, like: &[Option<&Value>]) -> Result<Value, FieldError> {
    let text = text.trim();
    let example = like.iter().flatten().find(|v| !v.is_null());
    match example {
        Some(Value::Number(_)) => {
            let v = parse_decimal(text)?;
            if v.fract() != Decimal::ZERO || v.is_sign_negative() {
                return Err(FieldError::NotAWholeNumber(text.to_string()));
            }
            let n: u64 = v.try_into().map_err(|_| FieldError::TooLarge)?;
            Ok(Value::from(n))
        }
        Some(Value::Bool(_)) => match text.to_lowercase().as_str() {
            "true" | "yes" | "是" | "1" => Ok(Value::Bool(true)),
            "false" | "no" | "否" | "0" => Ok(Value::Bool(false)),
            _ => Err(FieldError::NotANumber(text.to_string())),
        },
        Some(Value::String(s)) if s.parse::<Decimal>().is_ok() => {
            Ok(Value::String(parse_decimal(text)?.normalize().to_string()))
        }
        Some(Value::String(_)) if text.is_empty() => Err(FieldError::Empty),
        Some(Value::String(_)) => Ok(Value::String(text.to_string())),
        _ => Err(FieldError::Empty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_take_the_fields_kind() {
        let share = Value::String("64.5".into());
        assert_eq!(
            typed_value(" 1,200.50 ", &[Some(&share)]),
            Ok(Value::String("1200.5".into()))
        );
        assert!(typed_value("lots", &[Some(&share)]).is_err());
        let count = Value::from(186u32);
        assert_eq!(
            typed_value("190", &[None, Some(&count)]),
            Ok(Value::from(190u64))
        );
        assert!(typed_value("1.5", &[Some(&count)]).is_err());
        let name = Value::String("Changsha".into());
        assert_eq!(
            typed_value(" Changsha North ", &[Some(&name)]),
            Ok(Value::String("Changsha North".into()))
        );
        assert_eq!(typed_value("  ", &[Some(&name)]), Err(FieldError::Empty));
        assert!(typable(&[Some(&name), None]));
        assert!(!typable(&[Some(&Value::Array(vec![]))]));
    }
}
