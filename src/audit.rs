//! The audit record of a run: tool and version, when it ran, with which
//! options, and each rule file and export with its SHA-256, so that a
//! verdict can be reproduced later on the same files.

use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct AuditFile {
    pub path: String,
    /// `rules`, `export` or `profile`.
    pub role: &'static str,
    pub bytes: u64,
    /// Hex SHA-256 of the file's bytes; absent for standard input.
    pub sha256: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Audit {
    pub tool: &'static str,
    pub version: &'static str,
    /// UTC, `yyyy-mm-ddThh:mm:ssZ`.
    pub evaluated_at: String,
    /// The command line's arguments after the program name.
    pub arguments: Vec<String>,
    pub files: Vec<AuditFile>,
}

impl Audit {
    /// The record of a run on `files` (path, role); files are hashed on a
    /// thread of their own per file while the check runs.
    #[cfg(feature = "cli")]
    pub fn start(files: Vec<(String, &'static str)>) -> std::thread::JoinHandle<Audit> {
        let arguments: Vec<String> = std::env::args().skip(1).collect();
        let evaluated_at = now_utc();
        std::thread::spawn(move || Audit {
            tool: "clausier",
            version: env!("CARGO_PKG_VERSION"),
            evaluated_at,
            arguments,
            files: files
                .into_iter()
                .map(|(path, role)| {
                    let (bytes, sha256) = hash(std::path::Path::new(&path)).unwrap_or((0, None));
                    AuditFile {
                        path,
                        role,
                        bytes,
                        sha256,
                    }
                })
                .collect(),
        })
    }
}

#[cfg(feature = "cli")]
fn hash(path: &std::path::Path) -> Option<(u64, Option<String>)> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    if path.as_os_str() == "-" {
        return Some((0, None));
    }
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = file.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        hasher.update(buf.get(..n)?);
        total += n as u64;
    }
    let digest = hasher.finalize();
    Some((
        total,
        Some(digest.iter().map(|b| format!("{b:02x}")).collect()),
    ))
}

/// The current UTC time, from the system clock, without a time zone library.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let date = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default();
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "cli")]
    fn hashes_a_file() {
        let dir = std::env::temp_dir().join(format!("clausier-audit-{}", std::process::id()));
        std::fs::write(&dir, b"abc").unwrap();
        let (bytes, sha) = hash(&dir).unwrap();
        std::fs::remove_file(&dir).unwrap();
        assert_eq!(bytes, 3);
        assert_eq!(
            sha.as_deref(),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
    }
}
