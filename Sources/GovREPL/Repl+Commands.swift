import Foundation
import Gov
import GovLanguage
import GovRender
import GovReport

/// The `:` commands: each reads the live report or the session and prints its answer.
extension Repl {
    func run(command line: String) {
        let command: ParsedCommand
        switch ParsedCommand.parse(line) {
        case .success(let parsed): command = parsed
        case .failure(let failure):
            fail(failure.message)
            return
        }
        let arguments = command.arguments
        switch command.name {
        case .help:
            output.write(HelpText.text(topic: arguments.first, width: editor.width))
        case .show:
            switch PartRenderer.render(arguments.joined(separator: " "), report: live.evaluation.report, width: editor.width) {
            case .success(let text): output.write(text.hasSuffix("\n") ? text : text + "\n")
            case .failure(let failure): fail(failure.message)
            }
        case .check:
            check()
        case .render:
            render(arguments)
        case .load:
            guard arguments.count == 1 else { return fail("用法：\(CommandName.load.usage)") }
            guard let text = readScript(Repl.expanded(arguments[0])) else { return }
            show(live.load(text: text, name: Repl.expanded(arguments[0])))
            output.write(echo("（:undo 回到载入之前）"))
            sessionChanged()
        case .save:
            save(arguments)
        case .undo:
            show(live.undo(width: editor.width))
            sessionChanged()
        case .reset:
            show(live.reset())
            sessionChanged()
        case .quit:
            leaving = confirmLeaving()
        }
    }

    private func check() {
        let evaluation = live.evaluation
        if !evaluation.findings.isEmpty {
            let text = Gov.diagnostics(evaluation, color: options.colorOutput)
            output.write(text.hasSuffix("\n") ? text : text + "\n")
        }
        output.write(echo(live.summary(pointingToCheck: false)))
    }

    private func render(_ arguments: [String]) {
        let formats = Gov.OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard (1...2).contains(arguments.count) else { return fail("用法：\(CommandName.render.usage)（格式：\(formats)）") }
        guard let format = Gov.OutputFormat(rawValue: arguments[0]) ?? Gov.OutputFormat(fileExtension: arguments[0]) else {
            return fail("没有 “\(arguments[0])” 格式；可用：\(formats)")
        }
        let evaluation = live.evaluation
        guard !evaluation.hasErrors else {
            return fail("报告还有 \(evaluation.findings.errorCount) 个错误，没有生成（:check 查看；:show 可以看草稿）")
        }
        let data: Data
        do {
            data = try Gov.render(evaluation, as: format)
        } catch {
            return fail("无法生成 \(format.rawValue)：\(error)")
        }
        guard arguments.count == 2 else {
            if format.isBinary { return fail("\(format.rawValue) 文件不能显示在终端上；请给出文件名：:render \(format.rawValue) 文件名") }
            return output.write(String(decoding: data, as: UTF8.self))
        }
        let path = Repl.expanded(arguments[1])
        if let script = live.session.fileName, Repl.samePath(path, Repl.expanded(script)) {
            return fail("\(arguments[1]) 是这个会话的脚本；请换一个文件名")
        }
        do {
            // Never over a file the session reads (its includes, `previous`) — `AtomicFile` refuses those.
            try AtomicFile.write(data, to: path, protecting: Gov.inputPaths(evaluation))
            output.write(echo("已写入 \(arguments[1])"))
        } catch {
            fail("无法写入 \(arguments[1])：\(error.localizedDescription)")
        }
    }

    private func save(_ arguments: [String]) {
        guard arguments.count <= 1, let name = arguments.first ?? live.session.fileName else {
            return fail("用法：\(CommandName.save.usage)（这个会话还没有文件名）")
        }
        let path = Repl.expanded(name)
        let isOwnFile = live.session.fileName.map { Repl.samePath(Repl.expanded($0), path) } ?? false
        if editor.isInteractive, !isOwnFile, FileManager.default.fileExists(atPath: path) {
            guard ask("\(name) 已经存在。覆盖它吗？") == true else { return output.write(echo("没有保存")) }
        }
        do {
            // The session's own file is rewritten; the files it includes and its `previous` never are.
            let ownFile = live.session.fileName.map(Repl.expanded)
            let reads = Gov.inputPaths(live.evaluation).filter { read in ownFile.map { !Repl.samePath(read, $0) } ?? true }
            try ScriptWriter.write(live.session, to: path, protecting: reads)
        } catch {
            return fail("无法写入 \(name)：\(error.localizedDescription)")
        }
        live.markSaved(as: path)
        output.write(echo("已保存到 \(name)（\(LiveReport.lineCount(live.session.text)) 行）：\(live.summary)"))
        sessionChanged()
    }

    static func expanded(_ path: String) -> String {
        (path as NSString).expandingTildeInPath
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        ScriptFinder.standardized(a) == ScriptFinder.standardized(b) || FileIdentity.same(a, b)
    }
}
