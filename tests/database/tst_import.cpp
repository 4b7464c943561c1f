// The import on the real engines (an SQLite file, the PostgreSQL and MariaDB servers scripts/test starts).
// Round trip: a design (every bundled example, and generated designs with random seeds) is synced into a
// database, imported, and the imported design synced into a fresh database: the two catalogs must be the same
// (tables, columns, types, NOT NULL, defaults, keys, uniques, foreign keys with actions), the links come back
// with their kinds (and their aliases where the database can say them), and importing the second database
// gives the very same design. Then schemas written by hand the way people write them (composite keys, a
// self-referencing employee, a junction with and without its own id, views, triggers, unique indexes, enums,
// reserved words) import with the right links; and bad input gives a clear message.
#include "db/databasecatalogreader.h"
#include "db/schemasync.h"
#include "editing/designgenerator.h"
#include "import/schemainference.h"
#include "schema/inflection.h"
#include "schema/schemavalidator.h"
#include "support/catalog.h"
#include "support/importcompare.h"
#include "support/scratchdatabase.h"

#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTest>

using namespace modeldesk;
using namespace modeldesk::test;
using namespace Qt::StringLiterals;

namespace {

// One scratch database that can be emptied between designs (cheaper than a new database each time).
class Workspace {
public:
    explicit Workspace(ScratchDatabase &scratch, const QString &engine)
        : mScratch(scratch)
        , mEngine(engine) {}

    bool reset(QString *error) {
        if (mEngine == u"sqlite"_s) {
            QFile::remove(mScratch.connectionUrl().path);
            QFile::remove(mScratch.connectionUrl().path + u"-wal"_s);
            QFile::remove(mScratch.connectionUrl().path + u"-shm"_s);
            return true;
        }
        if (mEngine == u"postgres"_s) {
            DatabaseConnection connection(mScratch.connectionUrl());
            return connection.open(error) && connection.execute(u"DROP SCHEMA public CASCADE"_s, error) &&
                   connection.execute(u"CREATE SCHEMA public"_s, error);
        }
        const QString name = mScratch.connectionUrl().database;
        return mScratch.admin()->execute(u"DROP DATABASE `%1`"_s.arg(name), error) &&
               mScratch.admin()->execute(
                   u"CREATE DATABASE `%1` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"_s.arg(name), error);
    }

    ConnectionUrl url() const { return mScratch.connectionUrl(); }

private:
    ScratchDatabase &mScratch;
    QString mEngine;
};

QList<Project> generatedDesigns(int count, quint32 seed) {
    QRandomGenerator random(seed);
    QList<Project> designs;
    for (int i = 0; i < count; ++i) {
        DesignGenerator::Options options;
        options.models = 2 + int(random.bounded(10));
        options.fields = 1 + int(random.bounded(8));
        options.links = int(random.bounded(options.models * 2 + 1));
        options.seed = random.generate();
        options.layout = false;
        designs << DesignGenerator::generate(options);
    }
    return designs;
}

} // namespace

class TestImport : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data() { addEngineRows(); }
    void roundTrip();
    void realWorld_data() { addEngineRows(); }
    void realWorld();
    void tablesAndSchemaOptions_data() { addEngineRows(); }
    void tablesAndSchemaOptions();
    void neverWrites();
    void badInput_data() { addEngineRows(); }
    void badInput();
    void unreadableTablesAreListed();
};

void TestImport::roundTrip() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(first, engine);
    MODELDESK_SCRATCH_DATABASE(second, engine);
    Workspace source(first, engine);
    Workspace target(second, engine);
    const quint32 seed = qEnvironmentVariableIsSet("MODELDESK_IMPORT_SEED")
                             ? quint32(qEnvironmentVariableIntValue("MODELDESK_IMPORT_SEED"))
                             : QRandomGenerator::global()->generate();
    const int count = qEnvironmentVariableIsSet("MODELDESK_IMPORT_DESIGNS")
                          ? qEnvironmentVariableIntValue("MODELDESK_IMPORT_DESIGNS")
                          : 40;
    QList<QPair<QString, Project>> designs;
    for (const QString &example : {u"seed"_s, u"shop"_s, u"hostile"_s})
        designs.append({example, loadProject(example)});
    const QList<Project> generated = generatedDesigns(count, seed);
    for (qsizetype i = 0; i < generated.size(); ++i)
        designs.append({u"generated design %1 of seed %2 (MODELDESK_IMPORT_SEED=%2)"_s.arg(i).arg(seed),
                        generated.at(i)});
    int links = 0;
    for (const auto &[name, project] : std::as_const(designs)) {
        const QByteArray where = name.toUtf8();
        QString error;
        QStringList before, after;
        QVERIFY2(source.reset(&error), qPrintable(error));
        QVERIFY2(syncInto(source.url(), project.schema, &before, &error), where + ": " + error.toUtf8());
        const auto imported = importFrom(source.url(), &error);
        QVERIFY2(imported, where + ": " + error.toUtf8());
        const QList<Problem> problems = SchemaValidator::validate(imported->project.schema);
        QStringList errors;
        for (const Problem &problem : problems)
            if (problem.severity == Problem::Severity::Error)
                errors << problem.toString();
        QVERIFY2(errors.isEmpty(),
                 where + ": the imported design has errors:\n" + errors.join(u'\n').toUtf8());
        QVERIFY2(target.reset(&error), qPrintable(error));
        QVERIFY2(syncInto(target.url(), imported->project.schema, &after, &error),
                 where + ": " + error.toUtf8());
        QVERIFY2(before == after,
                 where + ": the catalogs differ at " + firstDifference(before, after).toUtf8());
        const QStringList missing = missingLinks(project.schema, imported->project.schema);
        QVERIFY2(missing.isEmpty(), where + ":\n" + missing.join(u'\n').toUtf8());
        const auto again = importFrom(target.url(), &error);
        QVERIFY2(again, where + ": " + error.toUtf8());
        QVERIFY2(again->project.schema == imported->project.schema,
                 where + ": importing the re-synced database gives another design");
        links += int(project.schema.links.size());
    }
    qInfo("%s: %lld designs (seed %u), %d links round-tripped", qPrintable(engine), qsizetype(designs.size()),
          seed, links);
}

// Statements per engine: {sqlite, postgres, mysql}. A music store and a rental shop, written by hand.
struct Ddl {
    QString sqlite, postgres, mysql;
    QString of(const QString &engine) const {
        return engine == u"sqlite"_s ? sqlite : engine == u"postgres"_s ? postgres : mysql;
    }
};

const QList<Ddl> &realWorldSchema() {
    // clang-format off
    static const QList<Ddl> statements{
        {u"CREATE TABLE Artist (ArtistId INTEGER PRIMARY KEY, Name NVARCHAR(120))"_s,
         u"CREATE TABLE \"Artist\" (\"ArtistId\" SERIAL PRIMARY KEY, \"Name\" VARCHAR(120))"_s,
         u"CREATE TABLE Artist (ArtistId INT AUTO_INCREMENT PRIMARY KEY, Name VARCHAR(120))"_s},
        {u"CREATE TABLE Album (AlbumId INTEGER PRIMARY KEY, Title NVARCHAR(160) NOT NULL, ArtistId INTEGER NOT NULL REFERENCES Artist)"_s,
         u"CREATE TABLE \"Album\" (\"AlbumId\" SERIAL PRIMARY KEY, \"Title\" VARCHAR(160) NOT NULL, \"ArtistId\" INTEGER NOT NULL REFERENCES \"Artist\")"_s,
         u"CREATE TABLE Album (AlbumId INT AUTO_INCREMENT PRIMARY KEY, Title VARCHAR(160) NOT NULL, ArtistId INT NOT NULL, FOREIGN KEY (ArtistId) REFERENCES Artist (ArtistId))"_s},
        {u"CREATE TABLE Track (TrackId INTEGER PRIMARY KEY, Name NVARCHAR(200) NOT NULL, AlbumId INTEGER REFERENCES Album (AlbumId) ON DELETE SET NULL, Milliseconds INTEGER NOT NULL, UnitPrice NUMERIC(10,2) NOT NULL DEFAULT 0.99)"_s,
         u"CREATE TABLE \"Track\" (\"TrackId\" SERIAL PRIMARY KEY, \"Name\" VARCHAR(200) NOT NULL, \"AlbumId\" INTEGER REFERENCES \"Album\" ON DELETE SET NULL, \"Milliseconds\" INTEGER NOT NULL, \"UnitPrice\" NUMERIC(10,2) NOT NULL DEFAULT 0.99)"_s,
         u"CREATE TABLE Track (TrackId INT AUTO_INCREMENT PRIMARY KEY, Name VARCHAR(200) NOT NULL, AlbumId INT, Milliseconds INT NOT NULL, UnitPrice DECIMAL(10,2) NOT NULL DEFAULT 0.99, FOREIGN KEY (AlbumId) REFERENCES Album (AlbumId) ON DELETE SET NULL)"_s},
        {u"CREATE TABLE Playlist (PlaylistId INTEGER PRIMARY KEY, Name NVARCHAR(120))"_s,
         u"CREATE TABLE \"Playlist\" (\"PlaylistId\" SERIAL PRIMARY KEY, \"Name\" VARCHAR(120))"_s,
         u"CREATE TABLE Playlist (PlaylistId INT AUTO_INCREMENT PRIMARY KEY, Name VARCHAR(120))"_s},
        // A junction without timestamps: its pair is its primary key.
        {u"CREATE TABLE PlaylistTrack (PlaylistId INTEGER NOT NULL REFERENCES Playlist ON DELETE CASCADE, TrackId INTEGER NOT NULL REFERENCES Track ON DELETE CASCADE, PRIMARY KEY (PlaylistId, TrackId))"_s,
         u"CREATE TABLE \"PlaylistTrack\" (\"PlaylistId\" INTEGER NOT NULL REFERENCES \"Playlist\" ON DELETE CASCADE, \"TrackId\" INTEGER NOT NULL REFERENCES \"Track\" ON DELETE CASCADE, PRIMARY KEY (\"PlaylistId\", \"TrackId\"))"_s,
         u"CREATE TABLE PlaylistTrack (PlaylistId INT NOT NULL, TrackId INT NOT NULL, PRIMARY KEY (PlaylistId, TrackId), FOREIGN KEY (PlaylistId) REFERENCES Playlist (PlaylistId) ON DELETE CASCADE, FOREIGN KEY (TrackId) REFERENCES Track (TrackId) ON DELETE CASCADE)"_s},
        // The self-referencing employee, and a customer served by one.
        {u"CREATE TABLE Employee (EmployeeId INTEGER PRIMARY KEY, LastName NVARCHAR(20) NOT NULL, ReportsTo INTEGER REFERENCES Employee (EmployeeId))"_s,
         u"CREATE TABLE \"Employee\" (\"EmployeeId\" SERIAL PRIMARY KEY, \"LastName\" VARCHAR(20) NOT NULL, \"ReportsTo\" INTEGER REFERENCES \"Employee\")"_s,
         u"CREATE TABLE Employee (EmployeeId INT AUTO_INCREMENT PRIMARY KEY, LastName VARCHAR(20) NOT NULL, ReportsTo INT, FOREIGN KEY (ReportsTo) REFERENCES Employee (EmployeeId))"_s},
        {u"CREATE TABLE Customer (CustomerId INTEGER PRIMARY KEY, Email NVARCHAR(60) NOT NULL, SupportRepId INTEGER REFERENCES Employee (EmployeeId))"_s,
         u"CREATE TABLE \"Customer\" (\"CustomerId\" SERIAL PRIMARY KEY, \"Email\" VARCHAR(60) NOT NULL, \"SupportRepId\" INTEGER REFERENCES \"Employee\")"_s,
         u"CREATE TABLE Customer (CustomerId INT AUTO_INCREMENT PRIMARY KEY, Email VARCHAR(60) NOT NULL, SupportRepId INT, FOREIGN KEY (SupportRepId) REFERENCES Employee (EmployeeId))"_s},
        {u"CREATE UNIQUE INDEX customer_email ON Customer (Email)"_s,
         u"CREATE UNIQUE INDEX customer_email ON \"Customer\" (\"Email\")"_s,
         u"CREATE UNIQUE INDEX customer_email ON Customer (Email)"_s},
        // Sequelize-style tables, underscored, with a reserved word, an enum and two keys to one table.
        {u"CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, \"group\" VARCHAR(40), mood TEXT NOT NULL DEFAULT 'ok' CHECK (mood IN ('ok', 'sad', 'it''s')), created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL)"_s,
         u"CREATE TYPE mood AS ENUM ('ok', 'sad', 'it''s'); CREATE TABLE users (id SERIAL PRIMARY KEY, \"group\" VARCHAR(40), mood mood NOT NULL DEFAULT 'ok', created_at TIMESTAMP WITH TIME ZONE NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL)"_s,
         u"CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, `group` VARCHAR(40), mood ENUM('ok', 'sad', 'it''s') NOT NULL DEFAULT 'ok', created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL)"_s},
        {u"CREATE TABLE profiles (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, bio TEXT)"_s,
         u"CREATE TABLE profiles (id SERIAL PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users ON DELETE CASCADE, bio TEXT)"_s,
         u"CREATE TABLE profiles (id INT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL, bio TEXT, FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE)"_s},
        {u"CREATE UNIQUE INDEX profiles_user ON profiles (user_id)"_s,
         u"CREATE UNIQUE INDEX profiles_user ON profiles (user_id)"_s,
         u"CREATE UNIQUE INDEX profiles_user ON profiles (user_id)"_s},
        {u"CREATE TABLE \"order\" (id INTEGER PRIMARY KEY AUTOINCREMENT, buyer_id INTEGER REFERENCES users (id), seller_id INTEGER REFERENCES users (id), placed_at DATETIME DEFAULT CURRENT_TIMESTAMP)"_s,
         u"CREATE TABLE \"order\" (id SERIAL PRIMARY KEY, buyer_id INTEGER REFERENCES users, seller_id INTEGER REFERENCES users, placed_at TIMESTAMP WITH TIME ZONE DEFAULT now())"_s,
         u"CREATE TABLE `order` (id INT AUTO_INCREMENT PRIMARY KEY, buyer_id INT, seller_id INT, placed_at DATETIME DEFAULT CURRENT_TIMESTAMP, FOREIGN KEY (buyer_id) REFERENCES users (id), FOREIGN KEY (seller_id) REFERENCES users (id))"_s},
        // A junction with its own id and a column of its own; a self-referencing one.
        {u"CREATE TABLE film_actor (id INTEGER PRIMARY KEY AUTOINCREMENT, actor_id INTEGER NOT NULL REFERENCES users (id), film_id INTEGER NOT NULL REFERENCES Track (TrackId), role VARCHAR(60), UNIQUE (actor_id, film_id))"_s,
         u"CREATE TABLE film_actor (id SERIAL PRIMARY KEY, actor_id INTEGER NOT NULL REFERENCES users, film_id INTEGER NOT NULL REFERENCES \"Track\", role VARCHAR(60), UNIQUE (actor_id, film_id))"_s,
         u"CREATE TABLE film_actor (id INT AUTO_INCREMENT PRIMARY KEY, actor_id INT NOT NULL, film_id INT NOT NULL, role VARCHAR(60), UNIQUE (actor_id, film_id), FOREIGN KEY (actor_id) REFERENCES users (id), FOREIGN KEY (film_id) REFERENCES Track (TrackId))"_s},
        {u"CREATE TABLE follows (follower_id INTEGER NOT NULL REFERENCES users (id), followee_id INTEGER NOT NULL REFERENCES users (id), PRIMARY KEY (follower_id, followee_id))"_s,
         u"CREATE TABLE follows (follower_id INTEGER NOT NULL REFERENCES users, followee_id INTEGER NOT NULL REFERENCES users, PRIMARY KEY (follower_id, followee_id))"_s,
         u"CREATE TABLE follows (follower_id INT NOT NULL, followee_id INT NOT NULL, PRIMARY KEY (follower_id, followee_id), FOREIGN KEY (follower_id) REFERENCES users (id), FOREIGN KEY (followee_id) REFERENCES users (id))"_s},
        // A composite key and a composite foreign key to it.
        {u"CREATE TABLE shelf (room INTEGER NOT NULL, slot INTEGER NOT NULL, label VARCHAR(20), PRIMARY KEY (room, slot))"_s,
         u"CREATE TABLE shelf (room INTEGER NOT NULL, slot INTEGER NOT NULL, label VARCHAR(20), PRIMARY KEY (room, slot))"_s,
         u"CREATE TABLE shelf (room INT NOT NULL, slot INT NOT NULL, label VARCHAR(20), PRIMARY KEY (room, slot))"_s},
        {u"CREATE TABLE box (id INTEGER PRIMARY KEY, room INTEGER, slot INTEGER, FOREIGN KEY (room, slot) REFERENCES shelf (room, slot))"_s,
         u"CREATE TABLE box (id SERIAL PRIMARY KEY, room INTEGER, slot INTEGER, FOREIGN KEY (room, slot) REFERENCES shelf (room, slot))"_s,
         u"CREATE TABLE box (id INT AUTO_INCREMENT PRIMARY KEY, room INT, slot INT, FOREIGN KEY (room, slot) REFERENCES shelf (room, slot))"_s},
        {u"CREATE VIEW album_titles AS SELECT Title FROM Album"_s,
         u"CREATE VIEW album_titles AS SELECT \"Title\" FROM \"Album\""_s,
         u"CREATE VIEW album_titles AS SELECT Title FROM Album"_s},
        {u"CREATE TRIGGER touch_user AFTER UPDATE ON users BEGIN UPDATE users SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id; END"_s,
         u"CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$ LANGUAGE plpgsql; CREATE TRIGGER touch_user BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()"_s,
         u"CREATE TRIGGER touch_user BEFORE UPDATE ON users FOR EACH ROW SET NEW.updated_at = NOW()"_s},
    };
    // clang-format on
    return statements;
}

void TestImport::realWorld() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    QString error;
    {
        DatabaseConnection connection(scratch.connectionUrl());
        QVERIFY2(connection.open(&error), qPrintable(error));
        for (const Ddl &ddl : realWorldSchema()) // PostgreSQL's entries may hold several statements
            QVERIFY2(connection.execute(ddl.of(engine), &error),
                     qPrintable(ddl.of(engine) + u": "_s + error));
    }
    const auto result = importFrom(scratch.connectionUrl(), &error);
    QVERIFY2(result, qPrintable(error));
    const Schema &schema = result->project.schema;
    QStringList links;
    for (const Link &link : schema.links)
        links << u"%1 %2 -> %3 as %4 (%5%6)"_s.arg(
            Link::kindName(link.kind), link.source, link.target, link.as, link.foreignKey,
            link.through.isEmpty() ? QString() : u" through "_s + link.through);
    const QString all = links.join(u'\n');
    auto expectLink = [&](const QString &link) {
        QVERIFY2(links.contains(link), qPrintable(u"missing: "_s + link + u"\nhave:\n"_s + all));
    };
    // Names: the singular model keeps its table; Sequelize's underscored tables come back underscored.
    QVERIFY(schema.model(u"Album"_s) && schema.model(u"Album"_s)->tableName == u"Album"_s);
    const Model *user = schema.model(u"user"_s);
    QVERIFY2(user, qPrintable(all));
    QVERIFY(user->underscored && user->timestamps && user->tableName.isEmpty());
    QCOMPARE(user->field(u"mood"_s)->type.toString(), u"ENUM('ok','sad','it\\'s')"_s);
    QCOMPARE(user->field(u"mood"_s)->defaultValue.toString(), u"ok"_s);
    QVERIFY(user->field(u"group"_s));
    QVERIFY(schema.model(u"order"_s));
    QCOMPARE(
        schema.model(u"order"_s)->field(u"placedAt"_s)->defaultValue.toObject().value(u"fn"_s).toString(),
        u"NOW"_s);
    QCOMPARE(schema.model(u"Track"_s)->field(u"UnitPrice"_s)->defaultValue.toString(), u"0.99"_s);
    QCOMPARE(schema.model(u"Track"_s)->field(u"TrackId"_s)->autoIncrement, true);
    QCOMPARE(schema.model(u"Customer"_s)->field(u"Email"_s)->unique, true); // a unique index

    // SQLite's REFERENCES Artist without a column is Artist's primary key.
    expectLink(u"belongsTo Album -> Artist as Artist (ArtistId)"_s);
    expectLink(u"hasMany Artist -> Album as Albums (ArtistId)"_s);
    expectLink(u"belongsToMany Playlist -> Track as Tracks (PlaylistId through PlaylistTrack)"_s);
    expectLink(u"belongsToMany Track -> Playlist as Playlists (TrackId through PlaylistTrack)"_s);
    expectLink(u"belongsTo Employee -> Employee as Employee (ReportsTo)"_s);
    expectLink(u"hasMany Employee -> Employee as Employees (ReportsTo)"_s);
    expectLink(u"belongsTo Customer -> Employee as SupportRep (SupportRepId)"_s);
    expectLink(u"belongsTo profile -> user as user (userId)"_s);
    expectLink(u"hasOne user -> profile as profile (userId)"_s); // a unique index makes it hasOne
    expectLink(u"belongsTo order -> user as buyer (buyerId)"_s);
    expectLink(u"belongsTo order -> user as seller (sellerId)"_s);
    expectLink(u"hasMany user -> order as buyerOrders (buyerId)"_s);
    expectLink(u"hasMany user -> order as sellerOrders (sellerId)"_s);
    expectLink(u"belongsToMany user -> Track as Tracks (actorId through filmActor)"_s);
    expectLink(u"belongsToMany Track -> user as users (filmId through filmActor)"_s);
    expectLink(u"belongsToMany user -> user as followees (followerId through follow)"_s);
    expectLink(u"belongsToMany user -> user as followers (followeeId through follow)"_s);
    QVERIFY2(schema.model(u"filmActor"_s) && schema.model(u"filmActor"_s)->field(u"id"_s) &&
                 schema.model(u"filmActor"_s)->field(u"role"_s),
             "the junction with its own id and a column keeps both");

    QStringList warnings;
    for (const ImportWarning &warning : result->warnings)
        warnings << warning.toString();
    const QString warningText = warnings.join(u'\n');
    QVERIFY2(warningText.contains(u"box.room, slot: the composite foreign key (room, slot) -> shelf"_s),
             qPrintable(warningText));
    QStringList skipped;
    for (const CatalogSkipped &s : result->skipped)
        skipped << s.kind + u' ' + s.name;
    QVERIFY2(skipped.contains(u"view album_titles"_s) && skipped.contains(u"trigger touch_user"_s),
             qPrintable(skipped.join(u", "_s)));
    QVERIFY(!schema.model(u"album_titles"_s) && !schema.model(u"albumTitle"_s));

    // The design is usable as it is: it validates and syncs into an empty database.
    for (const Problem &problem : SchemaValidator::validate(schema))
        QVERIFY2(problem.severity != Problem::Severity::Error, qPrintable(problem.toString()));
    MODELDESK_SCRATCH_DATABASE(fresh, engine);
    QStringList catalog;
    QVERIFY2(syncInto(fresh.connectionUrl(), schema, &catalog, &error), qPrintable(error));
}

void TestImport::tablesAndSchemaOptions() {
    QFETCH(QString, engine);
    MODELDESK_SCRATCH_DATABASE(scratch, engine);
    QString error;
    QStringList catalog;
    QVERIFY2(syncInto(scratch.connectionUrl(), loadProject(u"shop"_s).schema, &catalog, &error),
             qPrintable(error));
    DatabaseCatalogReader::Options options;
    options.tables = {u"customers"_s, u"orders"_s};
    auto result = importFrom(scratch.connectionUrl(), &error, options);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(result->project.schema.models.size(), 2);
    QCOMPARE(result->project.schema.links.size(), 2); // orders -> customers; nothing to the tables left out

    options.tables = {u"customers"_s, u"nosuchtable"_s};
    QVERIFY(!importFrom(scratch.connectionUrl(), &error, options));
    QVERIFY2(error.contains(u"no table nosuchtable"_s) && error.contains(u"orderItems"_s), qPrintable(error));

    if (engine == u"sqlite"_s)
        return;
    options.tables.clear();
    options.schema = u"nosuchschema"_s;
    QVERIFY(!importFrom(scratch.connectionUrl(), &error, options));
    QVERIFY2(error.contains(u"nosuchschema"_s), qPrintable(error));
}

// The import is read-only: an SQLite file is opened read-only (its bytes stay as they were, no WAL files
// appear), and a server session refuses writes.
void TestImport::neverWrites() {
    MODELDESK_SCRATCH_DATABASE(scratch, u"sqlite"_s);
    QString error;
    {
        DatabaseConnection connection(scratch.connectionUrl());
        QVERIFY2(connection.open(&error), qPrintable(error));
        QVERIFY2(connection.execute(u"PRAGMA journal_mode = DELETE"_s, &error), qPrintable(error));
        QVERIFY2(connection.execute(u"CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)"_s, &error),
                 qPrintable(error));
    }
    const QString path = scratch.connectionUrl().path;
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    DatabaseConnection reader(scratch.connectionUrl());
    reader.setReadOnly(true);
    QVERIFY2(reader.open(&error), qPrintable(error));
    QVERIFY(!reader.execute(u"CREATE TABLE u (id INTEGER)"_s, &error));
    QVERIFY(DatabaseCatalogReader(reader).read({}, &error));
    reader.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QVERIFY(!QFile::exists(path + u"-wal"_s));

    MODELDESK_REQUIRE_SERVER(pgUrl, "MODELDESK_TEST_PG_URL");
    MODELDESK_REQUIRE_SERVER(mysqlUrl, "MODELDESK_TEST_MYSQL_URL");
    for (const QString &url : {pgUrl, mysqlUrl}) {
        DatabaseConnection server(*ConnectionUrl::parse(url));
        server.setReadOnly(true);
        QVERIFY2(server.open(&error), qPrintable(error));
        QVERIFY(!server.execute(u"CREATE TABLE modeldesk_never (id INTEGER)"_s, &error));
        QVERIFY2(error.contains(u"read"_s, Qt::CaseInsensitive), qPrintable(error));
    }
}

void TestImport::badInput() {
    QFETCH(QString, engine);
    QString error;
    // Nobody listens on port 1.
    const QString unreachable = engine == u"sqlite"_s     ? u"sqlite:/nonexistent/folder/none.db"_s
                                : engine == u"postgres"_s ? u"postgres://someone@127.0.0.1:1/db"_s
                                                          : u"mysql://someone@127.0.0.1:1/db"_s;
    QVERIFY(!importFrom(*ConnectionUrl::parse(unreachable), &error));
    QVERIFY2(error.startsWith(u"cannot open "_s) && !error.contains(u"password"_s), qPrintable(error));

    MODELDESK_SCRATCH_DATABASE(empty, engine);
    if (engine == u"sqlite"_s) { // an empty file is an empty database
        QFile file(empty.connectionUrl().path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const auto result = importFrom(empty.connectionUrl(), &error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(result->project.schema.models.isEmpty());
}

// PostgreSQL shows every table in its catalog, also those the user may not read. A table without SELECT is
// listed as skipped (the Data mode could not use it), the readable rest imports, and a key to the skipped
// table stays a plain column with a warning; a schema without USAGE has nothing to import.
void TestImport::unreadableTablesAreListed() {
    MODELDESK_SCRATCH_DATABASE(scratch, u"postgres"_s);
    const QString role = u"md_reader_%1"_s.arg(QRandomGenerator::global()->bounded(1000000));
    QString error;
    DatabaseConnection admin(scratch.connectionUrl());
    QVERIFY2(admin.open(&error), qPrintable(error));
    const auto cleanup = qScopeGuard([&] {
        QString ignored;
        admin.execute(u"DROP OWNED BY %1"_s.arg(role), &ignored);
        admin.execute(u"DROP ROLE IF EXISTS %1"_s.arg(role), &ignored);
    });
    for (const QString &sql :
         {u"CREATE ROLE %1 LOGIN PASSWORD 'reader'"_s.arg(role),
          u"CREATE TABLE customers (id SERIAL PRIMARY KEY, name TEXT NOT NULL)"_s,
          u"CREATE TABLE salaries (id SERIAL PRIMARY KEY, amount INTEGER NOT NULL)"_s,
          u"CREATE TABLE orders (id SERIAL PRIMARY KEY, \"customerId\" INTEGER REFERENCES customers, "
          "\"salaryId\" INTEGER REFERENCES salaries)"_s,
          u"CREATE SCHEMA hidden"_s, u"CREATE TABLE hidden.notes (id SERIAL PRIMARY KEY)"_s,
          u"GRANT USAGE ON SCHEMA public TO %1"_s.arg(role),
          u"GRANT SELECT ON customers, orders TO %1"_s.arg(role),
          u"GRANT SELECT ON hidden.notes TO %1"_s.arg(role)})
        QVERIFY2(admin.execute(sql, &error), qPrintable(sql + u": "_s + error));
    ConnectionUrl reader = scratch.connectionUrl();
    reader.user = role;
    reader.password = u"reader"_s;

    const auto result = importFrom(reader, &error);
    QVERIFY2(result, qPrintable(error));
    QStringList models;
    for (const Model &model : result->project.schema.models)
        models << model.name;
    QCOMPARE(models, (QStringList{u"customer"_s, u"order"_s}));
    QCOMPARE(result->skipped.size(), 1);
    QCOMPARE(result->skipped.first().name, u"salaries"_s);
    QVERIFY2(result->skipped.first().reason.contains(role) &&
                 result->skipped.first().reason.contains(u"SELECT"_s),
             qPrintable(result->skipped.first().reason));
    QStringList warnings;
    for (const ImportWarning &warning : result->warnings)
        warnings << warning.toString();
    QVERIFY2(warnings.filter(u"orders.salaryId: references salaries, which is not imported"_s).size() == 1,
             qPrintable(warnings.join(u'\n')));
    QCOMPARE(result->project.schema.links.size(), 2); // order belongsTo customer, and its hasMany

    // Without USAGE on the schema, its tables are listed and none imports (the CLI then writes nothing).
    DatabaseCatalogReader::Options hidden;
    hidden.schema = u"hidden"_s;
    const auto none = importFrom(reader, &error, hidden);
    QVERIFY2(none, qPrintable(error));
    QVERIFY(none->project.schema.models.isEmpty());
    QCOMPARE(none->skipped.size(), 1);
    QCOMPARE(none->skipped.first().name, u"notes"_s);
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
