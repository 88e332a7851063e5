import CTOBoardCore
import CTOBoardUI
import Foundation

/// `ctoboard review --notes FILE`: the review's summary as Markdown.
enum ReviewNotes {
    /// Fails before the board opens when FILE cannot be written (its folder is missing).
    static func checkWritable(_ path: String?) throws(CLIError) {
        guard let path else { return }
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError("--notes \(path): the folder \(folder) does not exist; create it or choose another file", code: .badInput)
        }
    }

    /// Writes the summary of the board's last review (or the one still open) to `path`.
    static func write(from state: BoardState, to path: String?) throws(CLIError) {
        guard let path else { return }
        var session = state.lastReview
        if case .review(let open) = state.mode { session = open }
        guard let session else { return }
        let date = CalendarDate.today(environment: Environment.variables)
        do {
            try Data(session.markdown(date: date.iso).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("--notes \(path): cannot write the review notes (\(error.localizedDescription))", code: .writeFailed)
        }
    }
}
