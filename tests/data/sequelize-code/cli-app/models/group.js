'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Group extends Model {
    static associate(models) {
      Group.belongsToMany(models.User, { through: 'UserGroups' });
    }
  }
  Group.init({
    id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
    name: { type: DataTypes.STRING(60), allowNull: false },
    kind: DataTypes.STRING(20),
  }, {
    sequelize,
    modelName: 'Group',
    tableName: 'user_groups',
    underscored: true,
    indexes: [{ unique: true, fields: ['name'] }, { fields: ['kind', 'name'] }],
  });
  return Group;
};
