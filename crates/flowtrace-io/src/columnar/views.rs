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
    TimestampNanosecondType, TimestampSecondType, UInt8Type,
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
                DataType::UInt16 => {
                    dictionary(array.as_dictionary::<arrow_array::types::UInt16Type>())?
                }
                DataType::UInt32 => {
                    dictionary(array.as_dictionary::<arrow_array::types::UInt32Type>())?
                }
                DataType::UInt64 => {
                    dictionary(array.as_dictionary::<arrow_array::types::UInt64Type>())?
                }
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
