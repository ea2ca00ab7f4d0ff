//! The eleven columns of the transfer schema: their names, their written types and their order.

use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};

/// A column of the transfer schema, in written order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Col {
    Timestamp,
    FromBank,
    FromAccount,
    ToBank,
    ToAccount,
    AmountPaid,
    PaymentCurrency,
    AmountReceived,
    ReceivingCurrency,
    PaymentFormat,
    IsLaundering,
}

impl Col {
    pub(super) const COUNT: usize = 11;

    pub(super) const ALL: [Col; Col::COUNT] = [
        Col::Timestamp,
        Col::FromBank,
        Col::FromAccount,
        Col::ToBank,
        Col::ToAccount,
        Col::AmountPaid,
        Col::PaymentCurrency,
        Col::AmountReceived,
        Col::ReceivingCurrency,
        Col::PaymentFormat,
        Col::IsLaundering,
    ];

    pub(super) fn name(self) -> &'static str {
        match self {
            Col::Timestamp => "timestamp",
            Col::FromBank => "from_bank",
            Col::FromAccount => "from_account",
            Col::ToBank => "to_bank",
            Col::ToAccount => "to_account",
            Col::AmountPaid => "amount_paid",
            Col::PaymentCurrency => "payment_currency",
            Col::AmountReceived => "amount_received",
            Col::ReceivingCurrency => "receiving_currency",
            Col::PaymentFormat => "payment_format",
            Col::IsLaundering => "is_laundering",
        }
    }

    /// Whether a file must have the column; only the label may be absent (no ground truth).
    pub(super) fn required(self) -> bool {
        self != Col::IsLaundering
    }

    /// What the reader accepts, for error messages.
    pub(super) fn accepted_types(self) -> &'static str {
        match self {
            Col::Timestamp => "Timestamp (any unit) or Int64 seconds",
            Col::AmountPaid | Col::AmountReceived => "Float64, Float32, Int64, Int32 or Decimal128",
            Col::IsLaundering => "Boolean or an integer 0/1",
            _ => "Utf8, LargeUtf8, Utf8View or a dictionary of one of them",
        }
    }

    fn written_type(self) -> DataType {
        match self {
            Col::Timestamp => DataType::Timestamp(TimeUnit::Second, Some("UTC".into())),
            Col::AmountPaid | Col::AmountReceived => DataType::Float64,
            Col::IsLaundering => DataType::Boolean,
            _ => DataType::Utf8,
        }
    }
}

/// The Arrow schema flowtrace writes transfers in (see the [module documentation](super)).
pub fn transfer_schema() -> SchemaRef {
    let fields: Vec<Field> = Col::ALL
        .iter()
        .map(|&c| Field::new(c.name(), c.written_type(), !c.required()))
        .collect();
    Arc::new(Schema::new(fields))
}
