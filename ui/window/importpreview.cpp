#include "window/importpreview.h"

#include "schema/resolvedschema.h"

#include <QComboBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace modeldesk {

using namespace Qt::StringLiterals;

namespace {

enum LinkColumn { From, Kind, Alias, To, Why };
enum Role { KeyRole = Qt::UserRole, KindsRole, InferredKindRole, InferredAliasRole };
constexpr int kMeasuredRows = 400;

// The Kind column: a list of the kinds the link may have (ImportChoices::kindsFor), or nothing to edit.
class KindDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &index) const override {
        const QStringList kinds = index.data(KindsRole).toStringList();
        if (kinds.size() < 2)
            return nullptr;
        auto *combo = new QComboBox(parent);
        combo->setObjectName(u"linkKindEditor"_s);
        combo->addItems(kinds);
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentText(index.data().toString());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText());
    }
};

} // namespace

ImportPreview::ImportPreview(QWidget *parent)
    : QWidget(parent)
    , mSummary(new QLabel(this))
    , mModels(new QTreeWidget(this))
    , mLinks(new QTableWidget(0, 5, this))
    , mNotes(new QPlainTextEdit(this)) {
    mModels->setObjectName(u"importModels"_s);
    mModels->setHeaderLabels({tr("Model"), tr("Table"), tr("Columns")});
    mModels->setRootIsDecorated(false);
    mModels->setAlternatingRowColors(true);
    mModels->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    mLinks->setObjectName(u"importLinks"_s);
    mLinks->setHorizontalHeaderLabels({tr("From"), tr("Kind"), tr("Alias"), tr("To"), tr("Why")});
    mLinks->verticalHeader()->hide();
    mLinks->setSelectionBehavior(QAbstractItemView::SelectRows);
    mLinks->setAlternatingRowColors(true);
    mLinks->setWordWrap(true);
    mLinks->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    mLinks->setItemDelegateForColumn(Kind, new KindDelegate(mLinks));
    mLinks->horizontalHeader()->setStretchLastSection(true);
    mLinks->setToolTip(tr("Double-click (or F2) a kind or an alias to change it before the import"));
    connect(mLinks, &QTableWidget::cellChanged, this, &ImportPreview::rowEdited);
    // Wrapped evidence needs its rows measured again whenever the Why column gets its width (when the page is
    // laid out, and when the dialog is resized).
    connect(mLinks->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == Why && mLinks->rowCount() <= kMeasuredRows)
            mLinks->resizeRowsToContents();
    });

    mNotes->setObjectName(u"importNotes"_s);
    mNotes->setReadOnly(true);
    mNotes->setPlaceholderText(tr("Nothing to note: everything read has a place in the design."));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(new QLabel(tr("Models"), top));
    topLayout->addWidget(mModels);
    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(new QLabel(tr("Links (double-click a kind or an alias to change it)"), middle));
    middleLayout->addWidget(mLinks);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(new QLabel(tr("Notes"), bottom));
    bottomLayout->addWidget(mNotes);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(middle);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mSummary->setWordWrap(true);
    layout->addWidget(mSummary);
    layout->addWidget(splitter, 1);
    setTabOrder(mModels, mLinks);
    setTabOrder(mLinks, mNotes);
}

void ImportPreview::setResult(const ImportResult &result, const QStringList &keys,
                              const QList<Link> &inferred) {
    const Schema &schema = result.project.schema;
    const qsizetype models = schema.models.size();
    const qsizetype links = schema.links.size();
    mSummary->setText((models == 1 ? tr("1 model") : tr("%1 models").arg(models)) + tr(" and ") +
                      (links == 1 ? tr("1 link") : tr("%1 links").arg(links)) +
                      tr(" will be made. The design opens as a new, unsaved document; nothing in the "
                         "database is changed."));
    mModels->clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(schema.models.size());
    // The table each model is stored in, and its columns, as Sequelize will see them (the core resolves).
    const ResolvedSchema resolved = SchemaResolver::resolve(schema);
    for (const Model &model : schema.models) {
        const Table *table = resolved.tableForModel(model.name);
        items << new QTreeWidgetItem({model.name, table ? table->name : QString(),
                                      table ? QString::number(table->columns.size()) : QString()});
    }
    mModels->addTopLevelItems(items);

    QHash<int, QString> evidenceOf;
    for (const LinkEvidence &evidence : result.evidence)
        evidenceOf.insert(evidence.link, evidence.text);
    mFilling = true;
    mLinks->setRowCount(int(schema.links.size()));
    for (int row = 0; row < schema.links.size(); ++row) {
        const Link &link = schema.links.at(row);
        const Link &before = inferred.value(row, link);
        QStringList kinds;
        for (Link::Kind kind : ImportChoices::kindsFor(before))
            kinds << Link::kindName(kind);
        const auto cell = [&](LinkColumn column, const QString &text, bool editable) {
            auto *item = new QTableWidgetItem(text);
            if (!editable)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            mLinks->setItem(row, column, item);
            return item;
        };
        QTableWidgetItem *from = cell(From, link.source, false);
        from->setData(KeyRole, keys.value(row));
        from->setData(InferredKindRole, Link::kindName(before.kind));
        from->setData(InferredAliasRole, before.as);
        QTableWidgetItem *kind = cell(Kind, Link::kindName(link.kind), kinds.size() > 1);
        kind->setData(KindsRole, kinds);
        if (kinds.size() > 1)
            kind->setToolTip(tr("Double-click to choose %1").arg(kinds.join(tr(" or "))));
        cell(Alias, link.as, true);
        cell(To,
             link.kind == Link::Kind::BelongsToMany ? tr("%1 through %2").arg(link.target, link.through)
                                                    : link.target,
             false);
        const QString why = evidenceOf.value(row);
        QTableWidgetItem *whyItem = cell(Why, why, false);
        whyItem->setToolTip(why);
    }
    mFilling = false;
    for (int column = From; column < Why; ++column)
        mLinks->resizeColumnToContents(column);
    // The evidence says which key and which index: it has the rest of the width, wrapped, so that none of it
    // is cut off (on a big catalog only the tooltip has all of it: measuring thousands of rows takes
    // seconds).
    if (mLinks->rowCount() <= kMeasuredRows)
        mLinks->resizeRowsToContents();
}

void ImportPreview::setNotes(const QStringList &notes, bool errors) {
    mNotes->setPlainText(notes.join(u'\n'));
    QPalette palette = mNotes->palette();
    palette.setColor(QPalette::Text,
                     errors ? QColor(0xb0, 0x20, 0x20) : QWidget::palette().color(QPalette::Text));
    mNotes->setPalette(palette);
}

void ImportPreview::rowEdited(int row, int column) {
    if (mFilling || (column != Kind && column != Alias))
        return;
    const QTableWidgetItem *from = mLinks->item(row, From);
    const auto kind = Link::kindFromName(mLinks->item(row, Kind)->text());
    if (!from || !kind)
        return;
    QString alias = mLinks->item(row, Alias)->text().trimmed();
    const auto inferredKind = Link::kindFromName(from->data(InferredKindRole).toString());
    const QString inferredAlias = from->data(InferredAliasRole).toString();
    if (column == Kind && inferredKind) {
        // An alias nobody chose follows the kind: "profile" as a hasOne, "profiles" as a hasMany.
        const bool chosen =
            alias != inferredAlias && alias != ImportChoices::aliasForKind(inferredAlias, *kind) &&
            alias != ImportChoices::aliasForKind(inferredAlias, *inferredKind == Link::Kind::HasOne
                                                                    ? Link::Kind::HasMany
                                                                    : Link::Kind::HasOne);
        if (!chosen) {
            alias =
                *kind == *inferredKind ? inferredAlias : ImportChoices::aliasForKind(inferredAlias, *kind);
            const QSignalBlocker block(mLinks);
            mLinks->item(row, Alias)->setText(alias);
        }
    }
    emit linkEdited(from->data(KeyRole).toString(), {*kind, alias});
}

} // namespace modeldesk
