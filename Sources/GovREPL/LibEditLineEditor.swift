import CEditLine
import CLibEdit
import Foundation

/// The terminal line editor: libedit (BSD editline) through its native API, with the fixed-argument
/// wrappers of `CEditLine` where libedit's calls are variadic.
///
/// - The locale's character type is made UTF-8 first: libedit's wide-character editing needs it, or
///   Chinese input comes back as an empty line.
/// - Ctrl-C sets a flag and wakes libedit's character reader (our own, `EL_GETCFN` in CEditLine), so the
///   line is abandoned even when the signal comes just before the read blocks; the process and the
///   session go on. Keys typed after Ctrl-C are read by the next prompt in raw mode, not lost.
/// - Tab runs `completion`; one candidate is inserted, several are listed under the line.
package final class LibEditLineEditor: LineEditor {
    package let isInteractive = true
    package var completion: ((String) -> Completion)?
    private let editor: OpaquePointer
    private let history: OpaquePointer
    private var lastRemembered: String?

    /// Nil when libedit cannot set up the terminal.
    package init?(program: String = "gov", historySize: Int = 1000) {
        _ = gov_ensure_utf8_ctype()
        guard let history = gov_history_open(Int32(historySize)) else { return nil }
        guard let editor = gov_el_open(program, history) else {
            gov_history_close(history)
            return nil
        }
        self.editor = editor
        self.history = history
        gov_el_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
        _ = gov_el_bind_function(editor, "gov-complete", "Complete the word before the cursor", { editor, _ in
            guard let editor, let data = gov_el_client_data(editor) else { return UInt8(CC_ERROR) }
            return Unmanaged<LibEditLineEditor>.fromOpaque(data).takeUnretainedValue().completeWord()
        }, "^I")
        gov_install_interrupt_flag()
    }

    deinit {
        el_end(editor)
        gov_history_close(history)
    }

    package func readLine(prompt: String) -> LineInput {
        gov_el_set_prompt(editor, prompt)
        _ = gov_take_interrupt()
        var count: Int32 = 0
        guard let pointer = el_gets(editor, &count) else {
            // libedit leaves the cursor on the abandoned line, or after the prompt at Ctrl-D.
            LibEditLineEditor.write("\n")
            return gov_take_interrupt() != 0 ? .interrupted : .endOfInput
        }
        var line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    package func remember(_ entry: String) {
        guard !entry.isEmpty, entry != lastRemembered else { return }
        lastRemembered = entry
        _ = gov_history_enter(history, entry)
    }

    package var width: Int {
        let columns = Int(gov_terminal_columns(1))
        return columns > 0 ? columns : 100
    }

    /// Tab: the text before the cursor is what libedit holds in its (multibyte, UTF-8) line buffer.
    private func completeWord() -> UInt8 {
        guard let completion, let info = el_line(editor)?.pointee, let start = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let length = max(0, cursor - start)
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
        let result = completion(before)
        if !result.insertion.isEmpty {
            return el_insertstr(editor, result.insertion) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
        }
        if result.shouldList {
            LibEditLineEditor.write("\n" + CandidateList.text(result.listing, width: width))
            return UInt8(CC_REDISPLAY)
        }
        return UInt8(CC_REFRESH_BEEP)
    }

    private static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
