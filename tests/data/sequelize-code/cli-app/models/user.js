'use strict';
// sequelize-cli's class style (model:generate), with associations in a static associate().
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class User extends Model {
    static associate(models) {
      User.hasMany(models.Post, { as: 'posts', foreignKey: 'authorId' });
      User.belongsToMany(models.Group, { through: 'UserGroups' });
    }

    fullName() {
      return `${this.firstName} ${this.lastName}`;
    }
  }
  User.init({
    firstName: DataTypes.STRING,
    lastName: DataTypes.STRING(80),
    email: {
      type: DataTypes.STRING(120),
      allowNull: false,
      unique: true,
      validate: { isEmail: true, notEmpty: true },
    },
    role: { type: DataTypes.ENUM('admin', 'member'), defaultValue: 'member', comment: 'what the user may do' },
    age: { type: DataTypes.INTEGER, validate: { min: 0, max: 150, isAdult(value) { if (value < 18) throw new Error('adults only'); } } },
  }, {
    sequelize,
    modelName: 'User',
  });
  return User;
};
