//! What agora asks of the C library's allocator (glibc's malloc), the crate's only unsafe code.
//!
//! Two calls, each a plain setting or request with no pointer passed, made only on Linux with
//! glibc (elsewhere both do nothing):
//!
//! - [`tune`], at start: a thread's heap grows 16 MiB at a time instead of 128 KiB. Each growth
//!   of a thread's heap is an `mprotect` call that locks the process's memory map; a thousand-
//!   session export made some 200 of them, 2 of its 15 ms. The pages are still only taken
//!   when first written, so the memory used does not change.
//! - [`give_back`], between the formats of `export all`: the pages freed by a format are
//!   returned to the system. glibc keeps freed memory in each thread's heap, so every format
//!   added its own output on top of what the ones before it had used (878 MiB at 100,000
//!   sessions against 540 for any one format).

/// Set the allocator up for agora's work: once, at the start of the process.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes a setting of the allocator, from a value; it is called
    // before any other thread exists.
    #[expect(unsafe_code, reason = "glibc's malloc is tuned through a C call only")]
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
    }
}

/// Return the memory freed so far to the system, after a big piece of work whose memory is
/// not needed again.
pub(crate) fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` releases free pages the allocator holds; it takes the allocator's
    // own locks and touches no memory in use.
    #[expect(unsafe_code, reason = "glibc's malloc is asked through a C call only")]
    unsafe {
        libc::malloc_trim(0);
    }
}
