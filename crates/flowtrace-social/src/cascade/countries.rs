//! Countries of online accounts, from an accounts file.

use std::collections::HashMap;
use std::path::Path;

use crate::messages::{Messages, UserId};
use crate::table::{Table, TableError};

/// The country of each account that has one.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    by_user: HashMap<UserId, String>,
}

impl Countries {
    /// Reads CSV with a header naming the account (`user_id`, `user` or `account`, the
    /// platform's id as in the posts) and `country`; accounts not in `messages` are ignored,
    /// empty countries are unknown. Returns the countries and the number of rows read.
    pub fn read(path: &Path, messages: &Messages) -> Result<(Countries, u64), TableError> {
        let mut table = Table::open(path, &[&["user_id", "user", "account"], &["country"]])?;
        let mut countries = Countries::default();
        let mut rows = 0;
        while let Some((_, fields)) = table.next_row()? {
            rows += 1;
            if let [user, country] = &fields[..] {
                countries.set(messages, user, country);
            }
        }
        Ok((countries, rows))
    }

    /// Sets the country of the account with platform id `user`, if it posted.
    pub fn set(&mut self, messages: &Messages, user: &str, country: &str) {
        if let (Some(id), false) = (messages.find_user(user), country.is_empty()) {
            self.by_user.insert(id, country.to_string());
        }
    }

    /// The country of `user`.
    pub fn get(&self, user: UserId) -> Option<&str> {
        self.by_user.get(&user).map(String::as_str)
    }
}
