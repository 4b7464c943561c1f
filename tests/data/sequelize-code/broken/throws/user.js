const { Model, DataTypes } = require('sequelize');

module.exports = (sequelize) => {
  class User extends Model {}
  User.init({ name: DataTypes.STRING }, { sequelize, modelName: 'User' });
  throw new Error('this model file fails on purpose');
};
