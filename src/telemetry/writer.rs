//! The writer thread: takes records from a bounded channel, commits them in small batches (at least every
//! `batch_interval`), keeps them in memory while the disk refuses them, and says how it is doing.

use rusqlite::Connection;
use std::collections::VecDeque;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, SyncSender, TryRecvError, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::event::Record;
use super::store::{self, Meta, StoreError};

/// How the log's writer thread batches, buffers and caps its writes.
#[derive(Debug, Clone, Copy)]
pub struct WriterConfig {
    /// Longest time an event waits before its batch is committed.
    pub batch_interval: Duration,
    /// Events the frame can hand over before the writer catches up; beyond, events are dropped (counted).
    pub channel_capacity: usize,
    /// Events kept in memory while the database cannot be written; beyond, the oldest are dropped (counted).
    pub max_pending: usize,
    /// Largest size of the database in pages of 4 KiB (`PRAGMA max_page_count`), if capped. Writing past it
    /// fails like a full disk: events wait in memory and the staff panel says so.
    pub max_db_pages: Option<u32>,
}

impl Default for WriterConfig {
    fn default() -> Self {
        WriterConfig {
            batch_interval: Duration::from_millis(250),
            channel_capacity: 8192,
            max_pending: 200_000,
            max_db_pages: None,
        }
    }
}

/// How the log is doing, for the staff panel.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Health {
    /// False since the last write to the database failed; true again once a batch commits.
    pub writable: bool,
    /// Sent but not yet committed.
    pub waiting: u64,
    /// Records committed to disk since the log was started.
    pub committed: u64,
    /// Records lost since the log was started: handed over while the writer was too far behind, or
    /// pushed out of memory while the database could not be written.
    pub dropped: u64,
    /// The error of the last failed write; cleared when a batch commits.
    pub last_error: Option<String>,
    /// Something the writer repaired that staff should know about.
    pub notice: Option<Notice>,
}

/// A repair the writer made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The file was deleted or replaced while the kiosk ran; it was created again with every event
    /// already saved (copied from the still-open old file).
    Recreated {
        /// Events copied into the new file.
        events: u64,
    },
}

#[derive(Default)]
struct Shared {
    sent: AtomicU64,
    committed: AtomicU64,
    dropped: AtomicU64,
    writable: AtomicBool,
    last_error: Mutex<Option<String>>,
    notice: Mutex<Option<Notice>>,
}

enum Msg {
    Record(Record),
    Flush(SyncSender<()>),
}

/// The interaction log of one kiosk. Cloning is not needed: Bevy keeps it in a resource.
pub struct Telemetry {
    tx: Option<SyncSender<Msg>>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Telemetry {
    /// Opens the file (reporting a bad path or a database it cannot read right away) and starts the writer.
    pub fn start(path: &Path, meta: Meta, config: WriterConfig) -> Result<Telemetry, StoreError> {
        let conn = store::open(path, &meta)?;
        cap(&conn, config, path)?;
        let (tx, rx) = mpsc::sync_channel::<Msg>(config.channel_capacity);
        let shared = Arc::new(Shared { writable: AtomicBool::new(true), ..Shared::default() });
        let s = shared.clone();
        let thread = std::thread::Builder::new()
            .name("telemetry-writer".into())
            .spawn({
                let path = path.to_path_buf();
                move || run(conn, &path, &meta, rx, &s, config)
            })
            .map_err(|e| StoreError::Thread(e.to_string()))?;
        Ok(Telemetry { tx: Some(tx), shared, thread: Some(thread) })
    }

    /// Hands a record to the writer without waiting. If the writer is that far behind, the record is
    /// dropped and counted rather than stalling the frame.
    pub fn send(&self, record: Record) {
        let Some(tx) = &self.tx else { return };
        self.shared.sent.fetch_add(1, Ordering::Relaxed);
        match tx.try_send(Msg::Record(record)) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => {
                self.shared.dropped.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// Hands a record to the writer, waiting for room (tools and benchmarks, never the frame).
    pub fn send_blocking(&self, record: Record) {
        let Some(tx) = &self.tx else { return };
        self.shared.sent.fetch_add(1, Ordering::Relaxed);
        if tx.send(Msg::Record(record)).is_err() {
            self.shared.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Waits until everything sent so far has been committed (or could not be, see [`health`](Self::health)).
    pub fn flush(&self) {
        let Some(tx) = &self.tx else { return };
        let (ack_tx, ack_rx) = mpsc::sync_channel(1);
        if tx.send(Msg::Flush(ack_tx)).is_ok() {
            let _ = ack_rx.recv();
        }
    }

    /// Records committed to disk so far, in the order they were sent.
    pub fn committed(&self) -> u64 {
        self.shared.committed.load(Ordering::Acquire)
    }

    /// How the log is doing now: counts since the start, the last error, any repair.
    pub fn health(&self) -> Health {
        let sent = self.shared.sent.load(Ordering::Relaxed);
        let committed = self.shared.committed.load(Ordering::Acquire);
        let dropped = self.shared.dropped.load(Ordering::Relaxed);
        Health {
            writable: self.shared.writable.load(Ordering::Relaxed),
            waiting: sent.saturating_sub(committed + dropped),
            committed,
            dropped,
            last_error: self.shared.last_error.lock().ok().and_then(|e| e.clone()),
            notice: self.shared.notice.lock().ok().and_then(|n| *n),
        }
    }

    /// Commits what is left and stops the writer.
    pub fn shutdown(&mut self) {
        self.tx.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Telemetry {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// How often the writer looks for new records. It polls rather than blocking on the channel so that
/// handing a record over never has to wake a sleeping thread (a system call on the frame).
const POLL: Duration = Duration::from_millis(5);
/// Most records in one transaction: each commit waits for the disk (fsync), so a busy writer commits
/// large batches rather than many small ones.
const MAX_BATCH: usize = 50_000;

fn cap(conn: &Connection, config: WriterConfig, path: &Path) -> Result<(), StoreError> {
    if let Some(pages) = config.max_db_pages {
        conn.pragma_update(None, "max_page_count", pages)
            .map_err(|source| StoreError::Sqlite { path: path.display().to_string(), source })?;
    }
    Ok(())
}

/// The identity of the file at `path` (device and inode), to notice it being deleted or replaced.
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// The log file was deleted or replaced under the running kiosk. The old connection still reads the old
/// file, so everything already saved is copied into a new file at `path`, which becomes the log.
fn recreate(old: &Connection, path: &Path, meta: &Meta, config: WriterConfig) -> Result<(Connection, u64), StoreError> {
    let err = |source| StoreError::Sqlite { path: path.display().to_string(), source };
    let fresh = store::open(path, meta)?;
    cap(&fresh, config, path)?;
    old.execute("ATTACH DATABASE ?1 AS fresh", [path.to_string_lossy()]).map_err(err)?;
    let copied = old.execute("INSERT OR IGNORE INTO fresh.events SELECT * FROM main.events", []).map_err(err);
    let _ = old.execute("INSERT OR IGNORE INTO fresh.meta SELECT * FROM main.meta", []);
    let _ = old.execute("DETACH DATABASE fresh", []);
    Ok((fresh, copied? as u64))
}

fn run(mut conn: Connection, path: &Path, meta: &Meta, rx: mpsc::Receiver<Msg>, shared: &Shared, config: WriterConfig) {
    let kiosk_id = meta.kiosk_id.as_str();
    let mut opened = file_id(path);
    let mut pending: VecDeque<Record> = VecDeque::new();
    let mut acks: Vec<SyncSender<()>> = Vec::new();
    let mut due = Instant::now() + config.batch_interval;
    let mut reported_dropped = 0;
    let mut reported_at = Instant::now();
    loop {
        std::thread::sleep(POLL);
        let dropped = shared.dropped.load(Ordering::Relaxed);
        if dropped > reported_dropped && reported_at.elapsed() >= Duration::from_secs(1) {
            reported_at = Instant::now();
            // Logged from the writer, never from the frame that had to drop them.
            eprintln!("interaction log: {dropped} events dropped so far (writer behind or database unwritable)");
            reported_dropped = dropped;
        }
        let mut disconnected = false;
        loop {
            match rx.try_recv() {
                Ok(Msg::Record(r)) => {
                    pending.push_back(r);
                    if pending.len() > config.max_pending {
                        pending.pop_front();
                        shared.dropped.fetch_add(1, Ordering::Relaxed);
                    }
                }
                Ok(Msg::Flush(ack)) => {
                    acks.push(ack);
                    due = Instant::now();
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    disconnected = true;
                    break;
                }
            }
        }
        if disconnected || Instant::now() >= due || pending.len() >= MAX_BATCH {
            if file_id(path) != opened {
                match recreate(&conn, path, meta, config) {
                    Ok((fresh, events)) => {
                        conn = fresh;
                        opened = file_id(path);
                        eprintln!(
                            "interaction log: {} was deleted or replaced; recreated it with the {events} events saved so far",
                            path.display()
                        );
                        if let Ok(mut n) = shared.notice.lock() {
                            *n = Some(Notice::Recreated { events });
                        }
                    }
                    Err(e) => {
                        shared.writable.store(false, Ordering::Relaxed);
                        if let Ok(mut last) = shared.last_error.lock() {
                            *last = Some(e.to_string());
                        }
                    }
                }
            }
            write(&mut conn, kiosk_id, &mut pending, shared);
            for a in acks.drain(..) {
                let _ = a.send(());
            }
            due = Instant::now() + config.batch_interval;
        }
        if disconnected {
            break;
        }
    }
}

fn write(conn: &mut Connection, kiosk_id: &str, pending: &mut VecDeque<Record>, shared: &Shared) {
    while !pending.is_empty() {
        let n = pending.len().min(MAX_BATCH);
        let batch = &pending.make_contiguous()[..n];
        match store::insert(conn, kiosk_id, batch) {
            Ok(()) => {
                pending.drain(..n);
                shared.committed.fetch_add(n as u64, Ordering::Release);
                shared.writable.store(true, Ordering::Relaxed);
                if let Ok(mut e) = shared.last_error.lock() {
                    *e = None;
                }
            }
            Err(e) => {
                // Disk full, read-only, locked too long: keep the events and try again next batch.
                shared.writable.store(false, Ordering::Relaxed);
                if let Ok(mut last) = shared.last_error.lock() {
                    *last = Some(e.to_string());
                }
                return;
            }
        }
    }
}
