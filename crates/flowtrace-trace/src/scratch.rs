//! Work arrays reused from trace to trace. On a graph of a million accounts and ten million
//! transfers they are tens of megabytes, and fresh ones cost a page fault for every 4 KiB a trace
//! touches, more than the trace's own work. Whoever takes one gives it back clean (every entry it
//! changed reset), so taking one costs nothing.

use std::sync::Mutex;

/// Clean arrays waiting for the next trace (several when traces run at once).
pub(crate) struct Pool<T> {
    free: Mutex<Vec<T>>,
}

impl<T> Pool<T> {
    pub fn new() -> Pool<T> {
        Pool {
            free: Mutex::new(Vec::new()),
        }
    }

    /// A clean item, made by `make` when none is free.
    pub fn take(&self, make: impl FnOnce() -> T) -> T {
        let free = self.free.lock().ok().and_then(|mut free| free.pop());
        free.unwrap_or_else(make)
    }

    /// Returns a clean item for later traces.
    pub fn give(&self, item: T) {
        if let Ok(mut free) = self.free.lock() {
            free.push(item);
        }
    }
}
