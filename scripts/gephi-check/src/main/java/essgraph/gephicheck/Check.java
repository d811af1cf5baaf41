package essgraph.gephicheck;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Opens each file as Gephi does with its default import settings and prints one JSON line per file:
 * node and edge counts, edges by type (Gephi's edge kind/label), node columns, the import report's
 * issues, and how many nodes carry a colour and a size other than Gephi's defaults (black, 10).
 */
public final class Check {
    private Check() {}

    public static void main(String[] args) throws Exception {
        for (String path : args) {
            System.out.println(check(new File(path)));
        }
    }

    private static String check(File file) throws Exception {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.newProject();
        Workspace workspace = pc.getCurrentWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        Container container = importer.importFile(file);
        if (container == null) {
            return "{\"file\":" + q(file.getName()) + ",\"error\":\"not imported\"}";
        }
        List<String> issues = new ArrayList<>();
        for (var it = container.getReport().getIssues(1000); it.hasNext(); ) {
            Issue issue = it.next();
            issues.add(issue.getLevel() + ": " + issue.getMessage());
        }
        importer.process(container, new DefaultProcessor(), workspace);
        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        TreeMap<String, Integer> types = new TreeMap<>();
        for (Edge edge : model.getGraph().getEdges()) {
            Object label = edge.getTypeLabel();
            types.merge(label == null ? "" : label.toString(), 1, Integer::sum);
        }
        int coloured = 0, sized = 0;
        for (Node node : model.getGraph().getNodes()) {
            if (node.r() != 0f || node.g() != 0f || node.b() != 0f) coloured++;
            if (node.size() != 10f) sized++;
        }
        List<String> columns = new ArrayList<>();
        for (Column column : model.getNodeTable()) columns.add(column.getTitle());
        StringBuilder out = new StringBuilder("{");
        out.append("\"file\":").append(q(file.getName()));
        out.append(",\"nodes\":").append(model.getGraph().getNodeCount());
        out.append(",\"edges\":").append(model.getGraph().getEdgeCount());
        out.append(",\"edge_types\":{");
        boolean first = true;
        for (var e : types.entrySet()) {
            if (!first) out.append(',');
            out.append(q(e.getKey())).append(':').append(e.getValue());
            first = false;
        }
        out.append("},\"coloured\":").append(coloured)
           .append(",\"sized\":").append(sized);
        out.append(",\"node_columns\":").append(list(columns));
        out.append(",\"issues\":").append(list(issues)).append('}');
        pc.closeCurrentProject();
        return out.toString();
    }

    private static String list(List<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(',');
            out.append(q(items.get(i)));
        }
        return out.append(']').toString();
    }

    private static String q(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }
}
