import GovReport
import GovRender

extension Gov {
    /// The HTML renderer for one report. With `--annotate` it is told, from the layout, each printed cell's
    /// official label and where each stated cell was written, so every finding links to the cells it is
    /// about — also a finding about a refused value, which carries no cell but quotes its label.
    static func htmlRenderer(_ evaluation: Evaluation, document: Document, options: RenderOptions) -> HTMLRenderer {
        guard options.annotate else { return HTMLRenderer(pageDirectory: options.pageDirectory) }
        var stated: [String: CellID] = [:]
        var labels: [CellID: String] = [:]
        for case .table(let table) in document.blocks {
            for cell in table.rows.joined() {
                guard let id = cell.cell else { continue }
                labels[id] = id.label(document.header.edition)
                guard let range = cell.data?.statedRange else { continue }
                let place = FindingRecord.Place(range, sources: evaluation.sources)
                stated["\(place.path):\(place.line):\(place.column)"] = id
            }
        }
        return HTMLRenderer(annotate: true, pageDirectory: options.pageDirectory, statedCells: stated, cellLabels: labels)
    }
}
