/// `botlint topology --format dot`: a Graphviz digraph (`dot -Tsvg`). Clusters are the platform
/// groups; conflicting parts are red.
public enum TopologyDot {
    static let red = "#d32f2f"

    public static func render(_ graph: TopologyGraph) -> String {
        var out = "digraph botlint {\n"
        out += "  rankdir=LR;\n"
        out += "  node [shape=box, fontname=\"Helvetica\", fontsize=11];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        var clustered = Set<String>()
        for (index, cluster) in graph.clusters.enumerated() {
            // Graphviz draws a subgraph as a box only when its name starts with "cluster".
            out += "  subgraph cluster_\(index) {\n"
            out += "    label=\(quote(cluster.label));\n"
            out += "    style=rounded;\n    color=\"#888888\";\n"
            for id in cluster.nodeIDs {
                if let node = graph.node(id) { out += "    " + declaration(node) + "\n" }
                clustered.insert(id)
            }
            out += "  }\n"
        }
        for node in graph.nodes where !clustered.contains(node.id) { out += "  " + declaration(node) + "\n" }
        for edge in graph.edges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\(quote(label))") }
            if edge.kind == .runs { attributes.append("style=dashed") }
            if edge.flagged { attributes += ["color=\"\(red)\"", "fontcolor=\"\(red)\"", "penwidth=2"] }
            out += "  \(edge.from) -> \(edge.to)" + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]") + ";\n"
        }
        out += "}\n"
        return out
    }

    static func declaration(_ node: TopologyGraph.Node) -> String {
        var attributes = ["label=" + quote(node.lines.joined(separator: "\n"))]
        switch node.kind {
        case .runner: break
        case .process: attributes.append("style=rounded")
        case .entry: attributes.append("shape=note")
        case .token: attributes.append("shape=hexagon")
        }
        if node.flagged { attributes += ["color=\"\(red)\"", "fontcolor=\"\(red)\"", "penwidth=2"] }
        return "\(node.id) [\(attributes.joined(separator: ", "))];"
    }

    /// A DOT double-quoted string; line breaks become `\n`, which Graphviz centres.
    static func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
