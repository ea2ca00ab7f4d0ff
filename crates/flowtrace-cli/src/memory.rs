//! Memory of this process, for the memory figures `stats` reports.

/// Peak resident set size in bytes (Linux `VmHWM`), or `None` where it cannot be read.
pub fn peak_rss_bytes() -> Option<u64> {
    status_kib("VmHWM:").map(|kib| kib * 1024)
}

/// Current resident set size in bytes (Linux `VmRSS`), or `None` where it cannot be read.
pub fn rss_bytes() -> Option<u64> {
    status_kib("VmRSS:").map(|kib| kib * 1024)
}

fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Hands memory that the allocator holds but no longer uses back to the operating system.
///
/// Loading frees a lot of medium-sized blocks (parse buffers, shard tables outgrown and merged);
/// glibc keeps them in its heap, where they count as resident memory for the rest of the run.
/// One trim after loading returns them, which is worth several bytes per transfer of the
/// 40-byte budget.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only inspects and releases the allocator's own free memory; it has
        // no preconditions and is safe to call at any time from any thread.
        unsafe {
            malloc_trim(0);
        }
    }
}
