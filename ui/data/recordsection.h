#pragma once

#include "data/card.h"
#include "data/linkgrid.h"
#include "records/recordbrowser.h"
#include "records/saveplanner.h"
#include "schema/resolvedschema.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <functional>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QTableWidget;

namespace modeldesk {

class ValueEditor;

// The part of the entry form for one record of one model: an editor per field, and below them one part per
// link, by alias: a nested section for a hasOne (recursively), an editable grid for a hasMany, a picker of
// existing records (or a new one) for a belongsTo, a checklist for a belongsToMany. Foreign keys that links
// set are never typed by hand. It turns its widgets into the nested record the save controller takes, fills
// them from a loaded record, and puts each problem next to the field its path names. Captions are the names
// made readable ("firstName" → "First name", the name in the tooltip); each section and grid is a card.
class RecordSection : public Card {
    Q_OBJECT

public:
    // Lists the records a picker offers, for a model, those matching `search` (all when empty); the data page
    // answers it from the database, a few hundred at a time.
    using ChoiceProvider = std::function<QList<RecordChoice>(const QString &model, const QString &search)>;

    RecordSection(const Schema &schema, const ResolvedSchema &resolved, const QString &model,
                  const QString &path, ChoiceProvider choices, QWidget *parent = nullptr,
                  const QStringList &ancestors = {});

    QString modelName() const { return mModel; }
    // The record as Sequelize's create() takes it (with its key when it was loaded).
    QJsonObject record() const;
    void setRecord(const QJsonObject &record);
    void clearRecord();
    // Puts the keyboard focus in the first field's editor.
    void focusFirstField();
    // Shows each problem at its field; returns the widget to focus for the first one (null if none matched).
    QWidget *showProblems(const QList<RecordProblem> &problems);
    void clearProblems();
    // Checks every editor as if the user had typed; true when all pass.
    bool checkAll();
    // Reloads the picker and checklist entries (after a save added records): all of them, or only those
    // listing records of `models`.
    void refreshChoices();
    void refreshChoices(const QSet<QString> &models);
    ValueEditor *editor(const QString &attribute) const { return mEditors.value(attribute); }
    RecordSection *childSection(const QString &alias) const { return mChildren.value(alias); }
    QTableWidget *childGrid(const QString &alias) const;
    QComboBox *picker(const QString &alias) const { return mPickers.value(alias); }
    QTableWidget *junctionGrid(const QString &alias) const { return childGrid(alias); }

signals:
    void edited();

protected:
    void childEvent(QChildEvent *event) override;

private:
    // Emits edited() for the user's edits, not for filling in a record.
    void onEdited();
    void keepChildrenEnabled();
    void addFields(const QStringList &hidden);
    void addLinks();
    bool canNest(const QString &model) const;
    bool mirrorsParentJunction(const ResolvedLink &link) const;
    // The form of this record's own fields (and belongsTo pickers), above the cards of its links.
    QFormLayout *fieldForm() const;
    // A caption for the form, tall enough to sit level with the first line of `input`.
    QLabel *makeCaption(const QString &text, const QString &toolTip, const QWidget *input);
    void addChildSection(const ResolvedLink &link, const QString &title);
    void addChildGrid(const ResolvedLink &link, const QString &title);
    void addPicker(const ResolvedLink &link);
    void addLinkedList(const ResolvedLink &link, const QString &title);
    // A new record of `model` asked for in a dialog (a junction grid's "New product…"); nullopt if cancelled.
    std::optional<QJsonObject> askNewRecord(QWidget *parent, const QString &model, const QString &path);
    // The model this section is entered under, or empty at the top.
    QString parentModel() const { return mAncestors.isEmpty() ? QString() : mAncestors.last(); }
    void fillChoices(QComboBox *combo, const QString &model);
    // models null: all; children: also those of the sections below.
    void refreshChoicesOf(const QSet<QString> *models, bool children);
    void addGrid(const QString &alias, const LinkGrid::Options &options);

    const Schema &mSchema;
    const ResolvedSchema &mResolved;
    QString mModel;
    QString mPath;
    ChoiceProvider mChoices;
    QStringList mAncestors;
    QJsonValue mKey; // set when a loaded record is shown
    QLabel *mKeyLabel = nullptr;
    QHash<QString, ValueEditor *> mEditors;
    QHash<QString, RecordSection *> mChildren; // hasOne, and belongsTo "new" sections
    QHash<QString, LinkGrid *> mGrids;         // hasMany, and belongsToMany through a model with fields
    QHash<QString, QComboBox *> mPickers;      // belongsTo
    QHash<QString, QListWidget *> mChecklists; // belongsToMany
    QStringList mFieldOrder;
    bool mFilling = false; // setRecord() is filling the editors
};

} // namespace modeldesk
