//! Typed views of one record batch's columns, liberal in the Arrow types they accept.
//!
//! Producers write the same logical column in many physical types (pandas writes dictionaries,
//! Polars writes string views, Spark writes microsecond timestamps). Each view turns whatever it
//! was given into one question per row, `get(i)`, so the loader has a single code path. Numeric
//! columns are converted once per batch into `Int64Array`/`Float64Array`; that costs one pass
//! over the batch but keeps the per-row code free of type dispatch.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    ArrowDictionaryKeyType, Date64Type, Decimal128Type, Float32Type, Float64Type, Int16Type,
    Int32Type, Int64Type, Int8Type, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{
    Array, BooleanArray, DictionaryArray, Float64Array, Int64Array, LargeStringArray, StringArray,
    StringViewArray,
};
use arrow_schema::{DataType, TimeUnit};

/// A string column.
pub(super) enum Strings<'a> {
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
    /// Dictionary-encoded: the key of each row (`None` for a null key) into `values`.
    Dict {
        keys: Vec<Option<usize>>,
        values: Box<Strings<'a>>,
    },
    /// A column of the Null type, or a dictionary with no values.
    Null,
}

impl<'a> Strings<'a> {
    /// Whether [`Strings::new`] takes arrays of this type.
    pub(super) fn accepts(data_type: &DataType) -> bool {
        match data_type {
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null => true,
            DataType::Dictionary(key, values) => {
                key.is_dictionary_key_type() && Strings::accepts(values)
            }
            _ => false,
        }
    }

    /// The view of `array`, or `None` if it is not a string column.
    pub(super) fn new(array: &'a dyn Array) -> Option<Strings<'a>> {
        Some(match array.data_type() {
            DataType::Utf8 => Strings::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => Strings::Large(array.as_string::<i64>()),
            DataType::Utf8View => Strings::View(array.as_string_view()),
            DataType::Null => Strings::Null,
            DataType::Dictionary(key, _) => match key.as_ref() {
                DataType::Int8 => dictionary(array.as_dictionary::<Int8Type>())?,
                DataType::Int16 => dictionary(array.as_dictionary::<Int16Type>())?,
                DataType::Int32 => dictionary(array.as_dictionary::<Int32Type>())?,
                DataType::Int64 => dictionary(array.as_dictionary::<Int64Type>())?,
                DataType::UInt8 => dictionary(array.as_dictionary::<UInt8Type>())?,
                DataType::UInt16 => dictionary(array.as_dictionary::<UInt16Type>())?,
                DataType::UInt32 => dictionary(array.as_dictionary::<UInt32Type>())?,
                DataType::UInt64 => dictionary(array.as_dictionary::<UInt64Type>())?,
                _ => return None,
            },
            _ => return None,
        })
    }

    /// The value of row `i`, `None` when null.
    #[inline]
    pub(super) fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Strings::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::View(a) => a.is_valid(i).then(|| a.value(i)),
            Strings::Dict { keys, values } => keys[i].and_then(|k| values.get(k)),
            Strings::Null => None,
        }
    }
}

fn dictionary<K: ArrowDictionaryKeyType>(array: &DictionaryArray<K>) -> Option<Strings<'_>> {
    let values = Strings::new(array.values().as_ref())?;
    if array.values().is_empty() {
        // Every key is null (a valid key would point past the end), and `normalized_keys`
        // refuses empty dictionaries.
        return Some(Strings::Null);
    }
    let valid = array.keys();
    let keys = arrow_array::AnyDictionaryArray::normalized_keys(array)
        .into_iter()
        .enumerate()
        .map(|(i, k)| valid.is_valid(i).then_some(k))
        .collect();
    Some(Strings::Dict {
        keys,
        values: Box::new(values),
    })
}

/// A time column as whole UTC seconds.
pub(super) struct Times {
    values: Int64Array,
    per_second: i64,
}

impl Times {
    /// Whether [`Times::new`] takes arrays of this type.
    pub(super) fn accepts(data_type: &DataType) -> bool {
        matches!(
            data_type,
            DataType::Timestamp(..) | DataType::Date64 | DataType::Int64 | DataType::Null
        )
    }

    pub(super) fn new(array: &dyn Array) -> Option<Times> {
        let (values, per_second) = match array.data_type() {
            DataType::Timestamp(unit, _) => match unit {
                TimeUnit::Second => (seconds::<TimestampSecondType>(array), 1),
                TimeUnit::Millisecond => (seconds::<TimestampMillisecondType>(array), 1_000),
                TimeUnit::Microsecond => (seconds::<TimestampMicrosecondType>(array), 1_000_000),
                TimeUnit::Nanosecond => (seconds::<TimestampNanosecondType>(array), 1_000_000_000),
            },
            DataType::Date64 => (seconds::<Date64Type>(array), 1_000),
            DataType::Int64 => (array.as_primitive::<Int64Type>().clone(), 1),
            DataType::Null => (Int64Array::new_null(array.len()), 1),
            _ => return None,
        };
        Some(Times { values, per_second })
    }

    /// UTC seconds of row `i`, floored (an instant a fraction before the epoch is second -1).
    #[inline]
    pub(super) fn get(&self, i: usize) -> Option<i64> {
        let v = &self.values;
        v.is_valid(i)
            .then(|| v.value(i).div_euclid(self.per_second))
    }
}

fn seconds<T>(array: &dyn Array) -> Int64Array
where
    T: arrow_array::ArrowPrimitiveType<Native = i64>,
{
    array.as_primitive::<T>().reinterpret_cast::<Int64Type>()
}

/// An amount column as `f64`.
pub(super) struct Amounts(Float64Array);

impl Amounts {
    /// Whether [`Amounts::new`] takes arrays of this type.
    pub(super) fn accepts(data_type: &DataType) -> bool {
        use DataType::*;
        matches!(
            data_type,
            Float64 | Float32 | Int64 | Int32 | Decimal128(..) | Null
        )
    }

    pub(super) fn new(array: &dyn Array) -> Option<Amounts> {
        let values = match array.data_type() {
            DataType::Float64 => array.as_primitive::<Float64Type>().clone(),
            DataType::Float32 => array.as_primitive::<Float32Type>().unary(f64::from),
            DataType::Int64 => array.as_primitive::<Int64Type>().unary(|v| v as f64),
            DataType::Int32 => array.as_primitive::<Int32Type>().unary(f64::from),
            DataType::Decimal128(_, scale) => {
                // Dividing by an exact power of ten rounds once, to the nearest double.
                let unit = 10f64.powi(i32::from(*scale));
                array
                    .as_primitive::<Decimal128Type>()
                    .unary(|v| v as f64 / unit)
            }
            DataType::Null => Float64Array::new_null(array.len()),
            _ => return None,
        };
        Some(Amounts(values))
    }

    #[inline]
    pub(super) fn get(&self, i: usize) -> Option<f64> {
        self.0.is_valid(i).then(|| self.0.value(i))
    }
}

/// A label column: booleans, or integers that should be 0 or 1.
pub(super) enum Labels {
    Bool(BooleanArray),
    Int(Int64Array),
}

impl Labels {
    /// Whether [`Labels::new`] takes arrays of this type.
    pub(super) fn accepts(data_type: &DataType) -> bool {
        use DataType::*;
        matches!(
            data_type,
            Boolean | Int64 | Int32 | Int16 | Int8 | UInt8 | Null
        )
    }

    pub(super) fn new(array: &dyn Array) -> Option<Labels> {
        Some(match array.data_type() {
            DataType::Boolean => Labels::Bool(array.as_boolean().clone()),
            DataType::Int64 => Labels::Int(array.as_primitive::<Int64Type>().clone()),
            DataType::Int32 => Labels::Int(array.as_primitive::<Int32Type>().unary(i64::from)),
            DataType::Int16 => Labels::Int(array.as_primitive::<Int16Type>().unary(i64::from)),
            DataType::Int8 => Labels::Int(array.as_primitive::<Int8Type>().unary(i64::from)),
            DataType::UInt8 => Labels::Int(array.as_primitive::<UInt8Type>().unary(i64::from)),
            DataType::Null => Labels::Bool(BooleanArray::new_null(array.len())),
            _ => return None,
        })
    }

    /// The label of row `i`: `Ok(None)` when null, `Err(v)` for an integer other than 0 or 1.
    #[inline]
    pub(super) fn get(&self, i: usize) -> Result<Option<bool>, i64> {
        match self {
            Labels::Bool(a) => Ok(a.is_valid(i).then(|| a.value(i))),
            Labels::Int(a) if a.is_null(i) => Ok(None),
            Labels::Int(a) => match a.value(i) {
                0 => Ok(Some(false)),
                1 => Ok(Some(true)),
                v => Err(v),
            },
        }
    }

    /// The raw value of row `i` as text, for rendering a rejected record.
    pub(super) fn text(&self, i: usize) -> String {
        match self {
            Labels::Bool(a) if a.is_valid(i) => a.value(i).to_string(),
            Labels::Int(a) if a.is_valid(i) => a.value(i).to_string(),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::new_empty_array;

    /// `accepts` (used on the file's schema) and `new` (used on each batch) must agree.
    #[test]
    fn accepts_agrees_with_new() {
        let utf8 = Box::new(DataType::Utf8);
        let types = [
            DataType::Utf8,
            DataType::LargeUtf8,
            DataType::Utf8View,
            DataType::Binary,
            DataType::Null,
            DataType::Boolean,
            DataType::Int8,
            DataType::Int16,
            DataType::Int32,
            DataType::Int64,
            DataType::UInt8,
            DataType::UInt64,
            DataType::Float32,
            DataType::Float64,
            DataType::Decimal128(12, 2),
            DataType::Date32,
            DataType::Date64,
            DataType::Timestamp(TimeUnit::Second, Some("UTC".into())),
            DataType::Timestamp(TimeUnit::Nanosecond, None),
            DataType::Dictionary(Box::new(DataType::Int8), utf8.clone()),
            DataType::Dictionary(Box::new(DataType::UInt64), Box::new(DataType::LargeUtf8)),
            DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Int32)),
        ];
        for t in &types {
            let empty = new_empty_array(t);
            assert_eq!(Strings::accepts(t), Strings::new(&empty).is_some(), "{t}");
            assert_eq!(Times::accepts(t), Times::new(&empty).is_some(), "{t}");
            assert_eq!(Amounts::accepts(t), Amounts::new(&empty).is_some(), "{t}");
            assert_eq!(Labels::accepts(t), Labels::new(&empty).is_some(), "{t}");
        }
    }

    #[test]
    fn times_floor_to_seconds() {
        let ns =
            arrow_array::TimestampNanosecondArray::from(vec![Some(-1), Some(1_999_999_999), None]);
        let times = Times::new(&ns).unwrap();
        assert_eq!(
            (times.get(0), times.get(1), times.get(2)),
            (Some(-1), Some(1), None)
        );
    }
}
