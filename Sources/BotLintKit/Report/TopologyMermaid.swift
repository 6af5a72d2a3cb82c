/// `botlint topology --format mermaid`: a `flowchart LR` that GitHub, GitLab and most Markdown
/// viewers render inside a ```mermaid block. Conflicting parts are red.
public enum TopologyMermaid {
    static let red = "#d32f2f"

    public static func render(_ graph: TopologyGraph) -> String {
        var out = "flowchart LR\n"
        var clustered = Set<String>()
        for cluster in graph.clusters {
            out += "  subgraph \(cluster.id) [\"\(escape(cluster.label))\"]\n"
            for id in cluster.nodeIDs {
                if let node = graph.node(id) { out += "    " + declaration(node) + "\n" }
                clustered.insert(id)
            }
            out += "  end\n"
        }
        for node in graph.nodes where !clustered.contains(node.id) { out += "  " + declaration(node) + "\n" }
        for edge in graph.edges {
            let arrow = edge.kind == .runs ? "-.->" : "-->"
            out += "  \(edge.from) \(arrow)" + (edge.label.map { "|\"\(escape($0))\"|" } ?? "") + " \(edge.to)\n"
        }
        let flaggedNodes = graph.nodes.filter(\.flagged).map(\.id)
        if !flaggedNodes.isEmpty {
            out += "  classDef conflict stroke:\(red),stroke-width:2px,color:\(red)\n"
            out += "  class \(flaggedNodes.joined(separator: ",")) conflict\n"
        }
        // linkStyle counts edges in the order they are written, from 0.
        let flaggedEdges = graph.edges.indices.filter { graph.edges[$0].flagged }
        if !flaggedEdges.isEmpty {
            out += "  linkStyle \(flaggedEdges.map(String.init).joined(separator: ",")) stroke:\(red),stroke-width:2px,color:\(red)\n"
        }
        return out
    }

    static func declaration(_ node: TopologyGraph.Node) -> String {
        let text = "\"" + node.lines.map(escape).joined(separator: "<br/>") + "\""
        switch node.kind {
        case .runner: return "\(node.id)[\(text)]"
        case .process: return "\(node.id)(\(text))"
        case .entry: return "\(node.id)[[\(text)]]"
        case .token: return "\(node.id){{\(text)}}"
        }
    }

    /// Mermaid entity codes for what would end a quoted label or read as markup.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "#": out += "#35;"
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "|": out += "#124;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
