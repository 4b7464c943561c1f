const { Model, DataTypes } = require('sequelize');
const sequelize = require('../config/database');

class test extends Model {}

test.init({
  code: DataTypes.STRING,
  userId: DataTypes.INTEGER,
}, { sequelize, modelName: 'test' });

module.exports = test;
