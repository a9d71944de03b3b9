/// The report as the rules left it (its cells final), held once for everything that reads it while the
/// text is put together: the final scope of `{…}` and asserts, and the linkers of the text checker. Held by
/// value in each, it was copied (every array retained, then released) for each, and for each paragraph
/// before that (callgrind).
final class ReportSnapshot {
    let report: Report
    init(_ report: Report) { self.report = report }
}
