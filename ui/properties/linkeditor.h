#pragma once

#include "schema/link.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace modeldesk {

class Document;

// Edits one link: kind, alias, keys, through, onDelete/onUpdate. Empty texts keep Sequelize's default,
// which the placeholders (and the "(default: X)" entries of the action combos) show as SchemaResolver
// computes it. A canvas edge can stand for a link and the belongsTo/belongsToMany that mirrors it; the
// editor edits one of the two, names the other, and keeps their shared keys in step: a key change that
// also applies to the mirror (and renames the foreign key field it created) is one undo macro.
class LinkEditor : public QWidget {
    Q_OBJECT

public:
    explicit LinkEditor(Document *document, QWidget *parent = nullptr);

    // Shows the edge made of `index` and its mirrored `inverseIndex` (-1 for none; index -1 for no link).
    // Keeps editing the inverse when it was shown before; otherwise edits `index`.
    void setLinks(int index, int inverseIndex);
    int linkIndex() const { return mIndex; }
    void sync();

signals:
    // The link at `index` was changed through this editor (the canvas may have re-paired its edges).
    void linkEdited(int index);

private:
    enum class Key { Alias, ForeignKey, OtherKey, SourceKey, TargetKey, Through };

    void describeWidgets();
    void layOutForm();
    void connectCommits();
    const Link *link() const;
    int partnerIndex() const;
    void syncDefaults(const Link &current);
    void syncThroughChoices();
    void syncValues(const Link &current);
    void syncMirrorNote();
    void commitKind();
    void commitKey(Key key);
    void commitAction(bool onDelete);
    void push(const Link &after, const QString &description);
    QString describe(const Link &link) const;
    QLineEdit *keyEdit(Key key) const;

    Document *mDocument;
    int mIndex = -1;
    int mPrimary = -1;
    int mInverse = -1;
    bool mPushing = false;

    QLabel *mEnds;
    QComboBox *mKind;
    QLineEdit *mAlias;
    QLineEdit *mForeignKey;
    QLineEdit *mOtherKey;
    QComboBox *mThrough;
    QLineEdit *mSourceKey;
    QLineEdit *mTargetKey;
    QComboBox *mOnDelete;
    QComboBox *mOnUpdate;
    QLabel *mMirrorNote;
    QLabel *mActionsNote; // when another link's options decide this key's ON DELETE / ON UPDATE
    QLabel *mMessage;
};

} // namespace modeldesk
