#include "schema/schema.h"

namespace modeldesk {

const Model *Schema::model(const QString &name) const {
    const int i = modelIndex(name);
    return i < 0 ? nullptr : &models.at(i);
}

Model *Schema::model(const QString &name) {
    const int i = modelIndex(name);
    return i < 0 ? nullptr : &models[i];
}

int Schema::modelIndex(const QString &name) const {
    for (int i = 0; i < models.size(); ++i)
        if (models.at(i).name == name)
            return i;
    return -1;
}

} // namespace modeldesk
