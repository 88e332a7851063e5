extension BoardState {
    /// How many rows one wheel step moves.
    static let wheelStep = 3

    /// A mouse event in normal mode: a click on a tab or column title activates that pane, a
    /// click on a task selects it, a click on its checkbox also toggles it, and the wheel moves
    /// the selection of the pane under the pointer (which scrolls it). Other modes ignore the mouse.
    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        guard mode == .normal else { return [] }
        let layout = BoardLayout(self, width: viewportWidth, height: viewportHeight)
        switch event.kind {
        case .wheelUp, .wheelDown:
            guard let pane = layout.pane(atX: event.x, y: event.y) else { return [] }
            let step = event.kind == .wheelDown ? Self.wheelStep : -Self.wheelStep
            select(position: selectedPosition(in: pane) + step, in: pane)
            return []
        case .press(.left):
            message = nil
            switch layout.hit(x: event.x, y: event.y) {
            case .paneTitle(let pane):
                activePane = pane
                ensureVisible(pane)
            case .row(let pane, let index, let onCheckbox):
                guard index < rowCount(in: pane) else { return [] }
                activePane = pane
                guard case .task(let position) = row(in: pane, at: index) else { return [] }
                select(position: position, in: pane)
                if onCheckbox, let task = selectedTask { return [.toggle(id: task.id)] }
            case nil:
                break
            }
            return []
        case .press, .release:
            return []
        }
    }
}
