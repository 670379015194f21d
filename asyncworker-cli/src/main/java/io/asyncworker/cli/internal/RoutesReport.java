package io.asyncworker.cli.internal;

import io.asyncworker.App;
import io.asyncworker.Connection;
import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The text of {@code asyncworker routes}: one block per route, then the settings table. */
final class RoutesReport {
    private RoutesReport() {
    }

    static String render(String className, App app) {
        StringBuilder out = new StringBuilder();
        List<Route> routes = app.routes();
        out.append(className).append(": ").append(count(routes.size(), "route")).append('\n');
        for (Route route : routes) {
            out.append('\n').append(route(route, app.settings()));
        }
        if (!app.connections().isEmpty()) {
            out.append('\n').append("connections:\n").append(connections(app.connections()));
        }
        out.append('\n').append("settings:\n").append(settings(app.settings()));
        return out.toString();
    }

    static String route(Route route, Settings settings) {
        StringBuilder out = new StringBuilder();
        out.append("route ").append(route.name()).append("  [").append(route.type()).append("]\n");
        out.append("  sources: ").append(String.join(", ", route.sources())).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"option", "value", "from"});
        for (RouteOption option : route.describe(settings)) {
            rows.add(new String[] {option.name(), option.value(), optionOrigin(option, settings)});
        }
        return out.append(table(rows)).toString();
    }

    /** Each connection's own description; connections never print secrets. */
    static String connections(List<Connection> connections) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "type", "details"});
        connections.forEach(c -> rows.add(new String[] {c.name(), c.type().toString(), c.toString()}));
        return table(rows);
    }

    static String settings(Settings settings) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"variable", "value", "from"});
        settings.describe().forEach((name, value) -> rows.add(new String[] {name, value, settingOrigin(settings, name)}));
        return table(rows);
    }

    /** "1 route", "2 routes". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String optionOrigin(RouteOption option, Settings settings) {
        return switch (option.origin()) {
            case DEFAULT -> "default";
            case CODE -> "code";
            case DEV_SERVICE -> "dev service";
            case ENVIRONMENT -> option.variables().isEmpty() ? "environment" : String.join(" + ", option.variables());
        };
    }

    private static String settingOrigin(Settings settings, String name) {
        Origin origin = settings.origin(name);
        if (origin == Origin.ENVIRONMENT && System.getProperty(name) != null) {
            return "system property";
        }
        return origin.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Left-aligned columns, two spaces apart, indented by two. */
    private static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
