#include "workload.h"

#include "project/projectfile.h"

#include <QJsonArray>

using namespace modeldesk;

Workload Workload::hasOneChild() {
    Workload w;
    w.name = QStringLiteral("parent + hasOne child");
    QString error;
    w.schema =
        ProjectFile::load(QStringLiteral(MODELDESK_SOURCE_DIR "/resources/examples/seed.modeldesk"), &error)
            ->schema;
    w.model = QStringLiteral("testUser");
    w.graph = QJsonObject{
        {QStringLiteral("name"), QStringLiteral("Pavitar")},
        {QStringLiteral("email"), QStringLiteral("1@gmail.com")},
        {QStringLiteral("user_test"), QJsonObject{{QStringLiteral("code"), QStringLiteral("1234")}}}};
    w.parentTable = QStringLiteral("testUsers");
    w.parentColumns = {QStringLiteral("name"), QStringLiteral("email")};
    w.parentValues = {QStringLiteral("Pavitar"), QStringLiteral("1@gmail.com")};
    w.childTable = QStringLiteral("tests");
    w.childForeignKey = QStringLiteral("userId");
    w.childColumns = {QStringLiteral("code")};
    w.children = {{QStringLiteral("1234")}};
    return w;
}

Workload Workload::hasManyChildren() {
    Workload w;
    w.name = QStringLiteral("parent + 3 hasMany children");
    Model author;
    author.name = QStringLiteral("author");
    author.fields << Field{QStringLiteral("name"), DataType::string()}
                  << Field{QStringLiteral("email"), DataType::string()};
    Model book;
    book.name = QStringLiteral("book");
    book.fields << Field{QStringLiteral("title"), DataType::string()};
    Link link;
    link.kind = Link::Kind::HasMany;
    link.source = author.name;
    link.target = book.name;
    link.as = QStringLiteral("books");
    link.foreignKey = QStringLiteral("authorId");
    w.schema.models << author << book;
    w.schema.links << link;
    w.model = author.name;
    QJsonArray books;
    for (const char *title : {"One", "Two", "Three"})
        books.append(QJsonObject{{QStringLiteral("title"), QString::fromLatin1(title)}});
    w.graph = QJsonObject{{QStringLiteral("name"), QStringLiteral("Ursula")},
                          {QStringLiteral("email"), QStringLiteral("u@example.com")},
                          {QStringLiteral("books"), books}};
    w.parentTable = QStringLiteral("authors");
    w.parentColumns = {QStringLiteral("name"), QStringLiteral("email")};
    w.parentValues = {QStringLiteral("Ursula"), QStringLiteral("u@example.com")};
    w.childTable = QStringLiteral("books");
    w.childForeignKey = QStringLiteral("authorId");
    w.childColumns = {QStringLiteral("title")};
    w.children = {{QStringLiteral("One")}, {QStringLiteral("Two")}, {QStringLiteral("Three")}};
    return w;
}
