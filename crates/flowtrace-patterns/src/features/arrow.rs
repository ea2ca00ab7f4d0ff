//! The Arrow face of the features: a record batch in snapml's layout in, the same columns
//! plus the features out, all `Float64`, as snapml's `fit_transform` returns them.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type,
    UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, Float64Array, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema};

use super::{fit_transform, FeatureError, GfpParams};

/// Why a record batch could not be turned into features.
#[derive(Debug, thiserror::Error)]
pub enum FeatureBatchError {
    /// A column is not numeric or has nulls.
    #[error("column {name:?}: {why}")]
    Column {
        /// The column's name.
        name: String,
        /// What is wrong with it.
        why: String,
    },
    /// The features could not be computed.
    #[error(transparent)]
    Features(#[from] FeatureError),
    /// Arrow refused the output.
    #[error(transparent)]
    Arrow(#[from] ArrowError),
}

/// `fit_transform` over a record batch whose columns are snapml's edge list (EdgeID, source,
/// target, timestamp, raw columns...; any integer or float type, no nulls). Returns every
/// input column as `Float64` followed by the feature columns.
pub fn fit_transform_batch(
    params: &GfpParams,
    batch: &RecordBatch,
) -> Result<RecordBatch, FeatureBatchError> {
    let schema = batch.schema();
    let inputs: Vec<Vec<f64>> = batch
        .columns()
        .iter()
        .zip(schema.fields())
        .map(|(c, f)| to_f64(c.as_ref(), f.name()))
        .collect::<Result<_, _>>()?;
    let slices: Vec<&[f64]> = inputs.iter().map(Vec::as_slice).collect();
    let features = fit_transform(params, &slices)?;
    let names = schema.fields().iter().map(|f| f.name().clone());
    let names = names.chain(features.names);
    let fields: Vec<Field> = names
        .map(|n| Field::new(n, DataType::Float64, false))
        .collect();
    let columns: Vec<ArrayRef> = inputs
        .into_iter()
        .chain(features.columns)
        .map(|c| Arc::new(Float64Array::from(c)) as ArrayRef)
        .collect();
    Ok(RecordBatch::try_new(
        Arc::new(Schema::new(fields)),
        columns,
    )?)
}

/// A numeric column as `f64` values, as numpy's `astype(float64)` would give them.
pub(crate) fn to_f64(array: &dyn Array, name: &str) -> Result<Vec<f64>, FeatureBatchError> {
    let fail = |why: String| FeatureBatchError::Column {
        name: name.to_string(),
        why,
    };
    if array.null_count() > 0 {
        return Err(fail(format!("{} nulls", array.null_count())));
    }
    macro_rules! values {
        ($t:ty) => {
            array
                .as_primitive::<$t>()
                .values()
                .iter()
                .map(|&x| x as f64)
                .collect()
        };
    }
    Ok(match array.data_type() {
        DataType::Float64 => array.as_primitive::<Float64Type>().values().to_vec(),
        DataType::Float32 => values!(Float32Type),
        DataType::Int64 => values!(Int64Type),
        DataType::Int32 => values!(Int32Type),
        DataType::Int16 => values!(Int16Type),
        DataType::Int8 => values!(Int8Type),
        DataType::UInt64 => values!(UInt64Type),
        DataType::UInt32 => values!(UInt32Type),
        DataType::UInt16 => values!(UInt16Type),
        DataType::UInt8 => values!(UInt8Type),
        other => return Err(fail(format!("type {other} is not numeric"))),
    })
}
