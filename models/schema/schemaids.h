#pragma once

#include "schema/schema.h"

#include <QString>

namespace modeldesk {

// The short stable ids that make a rename a rename (format version 2): every model, field and link carries
// one, unique within the design ("m7f3a", "f01c2", "l9b4e"). An id is given once — when the element is
// created, or when a version 1 file is opened — and kept by every edit; a migration matches OLD and NEW by
// them.
//
// A missing id is derived from the element's content (model name; model and field name; the link's kind, ends
// and alias), hashed, with a retry on a clash: so a version 1 file gets the same ids every time it is opened,
// and a v1 file diffs against the v2 file saved from it.
namespace SchemaIds {

// Letters, digits, '_' and '-', 1 to 32 characters.
bool isValid(const QString &id);

// Gives every model, field and link of `schema` that has no id one, unique within the schema.
void assignMissing(Schema &schema);
// Gives `model` and its fields the ids they lack, unique within `context` (the design it joins or changes:
// the ids of `context`'s model of the same id are not counted as taken twice).
void assignMissing(const Schema &context, Model &model);
void assignMissing(const Schema &context, Link &link);

// Clears every id of the model and its fields (a copy that becomes a new element gets new ids).
void clear(Model &model);

} // namespace SchemaIds

} // namespace modeldesk
