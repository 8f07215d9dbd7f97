package org.mvoting.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned migrations from the sql module at deploy, before anything uses the database: the
 * PostgreSQL folder or the Oracle one, by the database the datasource reaches; any other database stops the
 * deployment with a clear error. Bean-managed transactions: Flyway runs its own, one per migration.
 *
 * <p>Migrations run as the schema owner (MVotingOwnerDS, whose login is MVOTING_DB_OWNER_USER), which then grants
 * the application's role (MVotingDS's login) what it may do ({@link SchemaGrants}): everything but UPDATE, DELETE
 * and TRUNCATE on the append-only tables. Without a separate owner, the application's role owns the schema and the
 * deployment logs that nothing protects those tables from it.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    static final String POSTGRESQL_LOCATION = "classpath:db/migration/postgresql";
    static final String ORACLE_LOCATION = "classpath:db/migration/oracle";

    @Resource(lookup = "java:jboss/datasources/MVotingDS")
    private DataSource dataSource;

    @Resource(lookup = "java:jboss/datasources/MVotingOwnerDS")
    private DataSource ownerDataSource;

    @PostConstruct
    void migrate() {
        ClassLoader loader = SchemaMigration.class.getClassLoader();
        String product = databaseProductName();
        String location = locationFor(product, className -> present(className, loader));
        Flyway flyway = Flyway.configure(loader)
                .dataSource(ownerDataSource)
                .locations(location)
                .load();
        if (ORACLE_LOCATION.equals(location)) {
            LOG.warning("Oracle: the schema is migrated from sql/oracle, but the application's native SQL (upserts,"
                    + " advisory locks, PostgreSQL functions) is still PostgreSQL-only: votes and most services will fail");
        }
        MigrateResult result = flyway.migrate();
        LOG.info(() -> product + ": schema at version " + flyway.info().current().getVersion() + " from " + location
                + " (" + result.migrationsExecuted + " migrations applied now)");
        if (POSTGRESQL_LOCATION.equals(location)) {
            grantToApplication();
        } else {
            LOG.warning("Oracle: the application's role is granted by the DBA (docs/oracle.md), not at deploy");
        }
    }

    private void grantToApplication() {
        String application = userOf(dataSource);
        try (Connection owner = ownerDataSource.getConnection()) {
            SchemaGrants.Outcome outcome = SchemaGrants.grant(owner, application);
            if (outcome.sameRole()) {
                LOG.warning(() -> "The application logs in as the schema owner " + application + ": nothing stops it"
                        + " from editing or deleting audit events, participation, ballots or checkpoints. Give the"
                        + " schema to another role and set MVOTING_DB_OWNER_USER / MVOTING_DB_OWNER_PASSWORD (README,"
                        + " deployment)");
            } else {
                LOG.info(() -> "Least privilege: the application's role " + application + " may only read and add"
                        + " rows of " + outcome.appendOnly() + " (schema owner " + outcome.owner() + ")");
            }
            outcome.weaknesses().forEach(LOG::severe);
        } catch (SQLException e) {
            throw new IllegalStateException("the schema owner could not grant the application's role its rights", e);
        }
    }

    private static String userOf(DataSource source) {
        try (Connection connection = source.getConnection()) {
            return connection.getMetaData().getUserName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database as the application's role", e);
        }
    }

    /**
     * The Flyway location of the migrations for the database whose JDBC product name is {@code product}
     * ({@link java.sql.DatabaseMetaData#getDatabaseProductName()}).
     *
     * @param classPresent whether a class can be loaded: Flyway needs its database module for each database
     * @throws IllegalStateException for a database without migrations, or without Flyway's module for it
     */
    static String locationFor(String product, Predicate<String> classPresent) {
        String name = product == null ? "" : product.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("postgresql")) {
            requireModule(classPresent, "org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
                    "PostgreSQL", "flyway-database-postgresql");
            return POSTGRESQL_LOCATION;
        }
        if (name.startsWith("oracle")) {
            requireModule(classPresent, "org.flywaydb.database.oracle.OracleDatabaseType",
                    "Oracle", "flyway-database-oracle");
            return ORACLE_LOCATION;
        }
        throw new IllegalStateException("mVoting has schema migrations for PostgreSQL (sql/postgresql) and Oracle"
                + " (sql/oracle) only, but the datasource java:jboss/datasources/MVotingDS is "
                + (product == null ? "a database that gives no product name" : "'" + product + "'"));
    }

    private static void requireModule(Predicate<String> classPresent, String className, String database,
            String artifact) {
        if (!classPresent.test(className)) {
            throw new IllegalStateException(database + " migrations need " + artifact
                    + " on the server (a dependency of mvoting-ear, in the EAR's lib)");
        }
    }

    private String databaseProductName() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate its schema", e);
        }
    }

    static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
