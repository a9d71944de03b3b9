/// The names of the regular `.gov` files (not symbolic links) one directory listed as it was walked.
///
/// A script's `previous "2021.gov"` names a file beside it; to standardize that path without resolving it
/// again, the file must not be a link. A name the listing holds is known not to be one, as its entry's
/// type said (the same question `lstat` answers, asked when the directory was read rather than when the
/// script is checked: the file may change between the two either way). Any other name — not listed,
/// hidden, a link — is still asked of `lstat`. That call was one path lookup in the kernel a script: on
/// 12,000 scripts, 30 ms of the 170 ms `gov check --jobs 1` spent in the kernel (`scripts/bench`).
package final class ListedFiles: Sendable {
    /// Sorted (`String`'s `<`), for a binary search in a large directory.
    private let names: [String]

    /// `names` in ascending order, as the walk has them.
    init(sorted names: [String]) {
        self.names = names
    }

    /// Whether `name` was listed as a regular file.
    func holdsRegularFile(named name: String) -> Bool {
        // A body's directory holds a few scripts: compared in turn, without ordering strings.
        if names.count <= 8 { return names.contains(name) }
        var low = 0, high = names.count
        while low < high {
            let middle = (low + high) / 2
            if names[middle] < name { low = middle + 1 } else { high = middle }
        }
        return low < names.count && names[low] == name
    }
}
