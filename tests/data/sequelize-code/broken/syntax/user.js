const { Model, DataTypes } = require('sequelize');

module.exports = (sequelize) => {
  class User extends Model {}
  User.init({ name: DataTypes.STRING, }, { sequelize, modelName: 'User' ));
  return User;
};
