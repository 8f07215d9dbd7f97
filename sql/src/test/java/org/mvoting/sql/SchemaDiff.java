package org.mvoting.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mvoting.sql.Schema.Column;
import org.mvoting.sql.Schema.Index;
import org.mvoting.sql.Schema.Key;
import org.mvoting.sql.Schema.Table;
import org.mvoting.sql.Schema.Type;

/** Every difference between the PostgreSQL and the Oracle schema, one line each, in a stable order. */
final class SchemaDiff {

    private SchemaDiff() {
    }

    /**
     * Whether an Oracle column type stands for a PostgreSQL one: the same family and length, or one of the
     * pairs the two databases need to differ in: UUID ↔ RAW(16); bytea ↔ RAW(n) or BLOB (RAW's size is an
     * Oracle-only fact); a VARCHAR longer than VARCHAR2's 4000 bytes, or TEXT ↔ CLOB.
     */
    static boolean compatible(Type pg, Type ora) {
        if (pg.family().equals(ora.family()) && Objects.equals(pg.length(), ora.length())) {
            return true;
        }
        if (pg.family().equals("UUID")) {
            return ora.family().equals("BINARY") && Integer.valueOf(16).equals(ora.length());
        }
        if (pg.family().equals("BINARY")) {
            return ora.family().equals("BINARY");
        }
        if (pg.family().equals("STRING") && pg.length() > DdlParser.ORACLE_VARCHAR2_MAX) {
            return ora.family().equals("TEXT");
        }
        return false;
    }

    static List<String> differences(Schema pg, Schema ora) {
        List<String> out = new ArrayList<>();
        for (String name : union(pg.tables.keySet(), ora.tables.keySet())) {
            Table p = pg.tables.get(name);
            Table o = ora.tables.get(name);
            if (p == null || o == null) {
                out.add("table " + name + " only in " + (p == null ? "oracle" : "postgresql"));
            } else {
                table(p, o, out);
            }
        }
        for (String name : union(pg.indexes.keySet(), ora.indexes.keySet())) {
            Index p = pg.indexes.get(name);
            Index o = ora.indexes.get(name);
            if (p == null || o == null) {
                out.add("index " + name + " only in " + (p == null ? "oracle" : "postgresql") + ": "
                        + (p == null ? o : p).describe());
            } else if (!p.equals(o)) {
                out.add("index " + name + ": postgresql " + p.describe() + " <> oracle " + o.describe());
            }
        }
        return out;
    }

    private static void table(Table p, Table o, List<String> out) {
        String t = "table " + p.name;
        for (String name : union(p.columns.keySet(), o.columns.keySet())) {
            Column pc = p.columns.get(name);
            Column oc = o.columns.get(name);
            String c = "column " + p.name + "." + name;
            if (pc == null || oc == null) {
                out.add(c + " only in " + (pc == null ? "oracle" : "postgresql") + " ("
                        + (pc == null ? oc : pc).type.declared() + ")");
                continue;
            }
            if (!compatible(pc.type, oc.type)) {
                out.add(c + ": type postgresql " + pc.type + " <> oracle " + oc.type);
            }
            if (pc.nullable != oc.nullable) {
                out.add(c + ": " + (pc.nullable ? "NULL" : "NOT NULL") + " in postgresql, "
                        + (oc.nullable ? "NULL" : "NOT NULL") + " in oracle");
            }
            compare(c + ": default", pc.defaultValue, oc.defaultValue, out);
            compare(c + ": identity", pc.identity, oc.identity, out);
            compare(c + ": references", pc.references, oc.references, out);
            compare(c + ": on delete", pc.onDelete, oc.onDelete, out);
        }
        if (!new ArrayList<>(p.columns.keySet()).equals(new ArrayList<>(o.columns.keySet()))
                && p.columns.keySet().equals(o.columns.keySet())) {
            out.add(t + ": column order postgresql " + p.columns.keySet() + " <> oracle " + o.columns.keySet());
        }
        compare(t + ": primary key", p.primaryKey, o.primaryKey, out);
        Set<String> pu = keys(p.uniques);
        Set<String> ou = keys(o.uniques);
        for (String k : union(pu, ou)) {
            if (!pu.contains(k) || !ou.contains(k)) {
                out.add(t + ": unique " + k + " only in " + (pu.contains(k) ? "postgresql" : "oracle"));
            }
        }
        for (String name : union(p.checks.keySet(), o.checks.keySet())) {
            compare(t + ": check " + name, p.checks.get(name), o.checks.get(name), out);
        }
        compare(t + ": comment", p.comment, o.comment, out);
    }

    private static Set<String> keys(List<Key> keys) {
        Set<String> out = new TreeSet<>();
        for (Key k : keys) {
            out.add((k.name() == null ? "" : k.name()) + "(" + String.join(", ", k.columns()) + ")");
        }
        return out;
    }

    private static void compare(String what, Object pg, Object ora, List<String> out) {
        if (!Objects.equals(pg, ora)) {
            out.add(what + ": postgresql " + pg + " <> oracle " + ora);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    /** A deep copy, so the schema after each version can be kept while the next is applied. */
    static Schema copy(Schema s) {
        Schema c = new Schema();
        s.tables.forEach((name, t) -> {
            Table ct = new Table(name);
            t.columns.forEach((cn, col) -> {
                Column cc = new Column();
                cc.name = col.name;
                cc.quoted = col.quoted;
                cc.type = col.type;
                cc.nullable = col.nullable;
                cc.defaultValue = col.defaultValue;
                cc.identity = col.identity;
                cc.references = col.references;
                cc.onDelete = col.onDelete;
                ct.columns.put(cn, cc);
            });
            ct.primaryKey = t.primaryKey;
            ct.uniques.addAll(t.uniques);
            ct.checks.putAll(t.checks);
            ct.comment = t.comment;
            c.tables.put(name, ct);
        });
        c.indexes.putAll(s.indexes);
        c.setAside.addAll(s.setAside);
        return c;
    }
}
