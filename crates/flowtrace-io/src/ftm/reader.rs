//! Reading FtM JSON lines: each line checked as it comes, payments resolved to accounts once the
//! last line is in, because a payment may name entities that the file describes only later.

use std::collections::hash_map::{Entry, HashMap};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use flowtrace_graph::{
    AccountId, AccountInfo, Accounts, Currency, PaymentFormat, Transfer, TransferBuilder, Transfers,
};

use super::check::{check_payment, check_side, parse_line, Bad, Checked, Role, Side};
use super::lines::Lines;
use super::MAX_LINE_BYTES;
use crate::error::ReadError;
use crate::rejects::RejectHandler;
use crate::{Loaded, ReadOptions};

/// How often, in bytes read, the progress callback is told.
const PROGRESS_STEP: u64 = 4 << 20;

/// No entity (a payment without a `payer` party).
const NONE: u32 = u32::MAX;

/// Reads `Payment` entities from FtM JSON lines at `path` as transfers (see the [module
/// documentation](super) for what is accepted and how accounts are keyed).
pub fn read(path: &Path, options: &ReadOptions) -> Result<Loaded, ReadError> {
    let file = File::open(path).map_err(|e| ReadError::io(path, e))?;
    let mut lines = Lines::new(BufReader::with_capacity(1 << 16, file));
    let mut rejects = RejectHandler::new(path, &options.on_error)?;
    let mut collector = Collector::new(path);
    let mut buf = Vec::new();
    let mut number = 0;
    let mut told = 0;
    while let Some(len) = lines
        .next_into(&mut buf, MAX_LINE_BYTES)
        .map_err(|e| ReadError::io(path, e))?
    {
        number += 1;
        let mut line = buf.as_slice();
        if number == 1 {
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        }
        collector.line(number, line, len, &mut rejects)?;
        if let Some(progress) = options.progress {
            if lines.consumed() - told >= PROGRESS_STEP {
                told = lines.consumed();
                progress(told);
            }
        }
    }
    if lines.consumed() == 0 {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    if let Some(progress) = options.progress {
        progress(lines.consumed());
    }
    let (accounts, transfers) = collector.resolve()?;
    Ok(Loaded {
        accounts,
        transfers,
        report: rejects.finish()?,
    })
}

/// A checked payment, its entities named by their index in [`Collector::ids`].
struct Pending {
    src_key: u32,
    dst_key: u32,
    src_party: u32,
    dst_party: u32,
    ts: i64,
    amount: f64,
    currency: Currency,
}

/// Everything gathered while reading, resolved into accounts and transfers at the end.
struct Collector<'p> {
    path: &'p Path,
    /// Entity ids in order of first appearance. The account table doubles as the interner: it
    /// keeps strings in one arena under dense ids, which is exactly what is needed here.
    ids: Accounts,
    /// Side entities that can name an account or its holder, by id index.
    sides: HashMap<u32, Side>,
    /// Whether each id index keys the account of an accepted payment.
    keys: Vec<bool>,
    payments: Vec<Pending>,
}

impl<'p> Collector<'p> {
    fn new(path: &'p Path) -> Self {
        Collector {
            path,
            ids: Accounts::new(),
            sides: HashMap::new(),
            keys: Vec::new(),
            payments: Vec::new(),
        }
    }

    /// Takes one line: a payment (a row), a side entity (not a row), a blank line, or a reject.
    fn line(
        &mut self,
        number: u64,
        line: &[u8],
        len: u64,
        rejects: &mut RejectHandler,
    ) -> Result<(), ReadError> {
        match self.take(line, len) {
            Ok(Taken::Payment) => rejects.accept(),
            Ok(Taken::Other) => {}
            Err(Fault::Row(bad)) => rejects.reject(bad.at(self.path, number), line)?,
            Err(Fault::Fatal(e)) => return Err(e),
        }
        Ok(())
    }

    fn take(&mut self, line: &[u8], len: u64) -> Result<Taken, Fault> {
        let Some(entity) = parse_line(line, len)? else {
            return Ok(Taken::Other);
        };
        if entity.schema.0 == "Payment" {
            let checked = check_payment(&entity.properties)?;
            self.add_payment(checked)?;
            return Ok(Taken::Payment);
        }
        if let Some((id, side)) = check_side(&entity)? {
            self.add_side(id, side)?;
        }
        Ok(Taken::Other)
    }

    fn intern(&mut self, id: &str) -> Result<u32, ReadError> {
        let index = self
            .ids
            .intern("", id)
            .map_err(|e| ReadError::model(self.path, e))?;
        if self.keys.len() <= index as usize {
            self.keys.resize(index as usize + 1, false);
        }
        Ok(index)
    }

    fn intern_party(&mut self, id: Option<&str>) -> Result<u32, ReadError> {
        id.map_or(Ok(NONE), |id| self.intern(id))
    }

    fn add_payment(&mut self, c: Checked) -> Result<(), ReadError> {
        let pending = Pending {
            src_key: self.intern(c.src_key)?,
            src_party: self.intern_party(c.src_party)?,
            dst_key: self.intern(c.dst_key)?,
            dst_party: self.intern_party(c.dst_party)?,
            ts: c.ts,
            amount: c.amount,
            currency: c.currency,
        };
        self.keys[pending.src_key as usize] = true;
        self.keys[pending.dst_key as usize] = true;
        self.payments.push(pending);
        Ok(())
    }

    fn add_side(&mut self, id: &str, side: Side) -> Result<(), ReadError> {
        let index = self.intern(id)?;
        match self.sides.entry(index) {
            Entry::Vacant(slot) => {
                slot.insert(side);
            }
            Entry::Occupied(mut slot) => slot.get_mut().merge(side),
        }
        Ok(())
    }

    /// Numbers the accounts in order of first appearance of the entity keying each, gives them
    /// their holders, and builds the transfers.
    fn resolve(self) -> Result<(Accounts, Transfers), ReadError> {
        let model = |e| ReadError::model(self.path, e);
        let mut accounts = Accounts::new();
        let mut account_of = vec![NONE; self.ids.len()];
        for index in 0..self.ids.len() as u32 {
            let bank_account = Side::account(self.sides.get(&index));
            if bank_account.is_none() && !self.keys[index as usize] {
                continue;
            }
            let id = self.ids.number(index);
            let (bank, number) = match bank_account {
                Some(s) => (
                    s.bank.as_deref().unwrap_or(""),
                    s.number.as_deref().unwrap_or(id),
                ),
                None => ("", id),
            };
            let account = accounts.intern(bank, number).map_err(model)?;
            account_of[index as usize] = account;
            if let Some(s) = bank_account.filter(|s| s.name.is_some() || s.country.is_some()) {
                if accounts.info(account).is_none() {
                    let info = AccountInfo {
                        name: s.name.as_deref().map(str::to_owned),
                        country: s.country.as_deref().map(str::to_owned),
                        entity_type: None,
                    };
                    accounts.set_info(account, info);
                }
            }
        }
        let mut transfers = TransferBuilder::with_capacity(self.payments.len());
        for p in &self.payments {
            let src = account_of[p.src_key as usize];
            let dst = account_of[p.dst_key as usize];
            self.note_holder(&mut accounts, src, p.src_party, p.src_key);
            self.note_holder(&mut accounts, dst, p.dst_party, p.dst_key);
            // FtM has no payment format, label or separate received amount.
            let transfer = Transfer::new(
                src,
                dst,
                p.ts,
                p.amount,
                p.currency,
                PaymentFormat::Unspecified,
            );
            transfers.push(&transfer).map_err(model)?;
        }
        accounts.shrink_to_fit();
        Ok((accounts, transfers.finish()))
    }

    /// Gives `account` the facts of the party a payment names for it, unless an earlier payment
    /// already named a person or organisation for it.
    fn note_holder(&self, accounts: &mut Accounts, account: AccountId, party: u32, key: u32) {
        let Some(holder) = self.sides.get(&party) else {
            return;
        };
        let Role::Holder(kind) = holder.role else {
            return;
        };
        if accounts
            .info(account)
            .is_some_and(|i| i.entity_type.is_some())
        {
            return;
        }
        let on_account = Side::account(self.sides.get(&key));
        let fact = |of_holder: &Option<Box<str>>, of_account: fn(&Side) -> &Option<Box<str>>| {
            of_holder
                .as_deref()
                .or_else(|| on_account.and_then(|s| of_account(s).as_deref()))
                .map(str::to_owned)
        };
        let info = AccountInfo {
            name: fact(&holder.name, |s| &s.name),
            country: fact(&holder.country, |s| &s.country),
            entity_type: Some(kind),
        };
        accounts.set_info(account, info);
    }
}

/// What a well-formed line was.
enum Taken {
    Payment,
    Other,
}

/// Why a line was not taken: a bad row, or a limit that ends the load.
enum Fault {
    Row(Bad),
    Fatal(ReadError),
}

impl From<Bad> for Fault {
    fn from(bad: Bad) -> Fault {
        Fault::Row(bad)
    }
}

impl From<ReadError> for Fault {
    fn from(e: ReadError) -> Fault {
        Fault::Fatal(e)
    }
}
