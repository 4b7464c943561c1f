// One file that makes its own instance, defines everything and exports the instance (no models/ folder).
// A junction given by table name, a composite unique, custom timestamp names and what has no design form.
const { Sequelize, DataTypes, Model } = require('sequelize');

const sequelize = new Sequelize('postgres://user:secret@db.invalid:5432/app', {
  define: { underscored: true },
});

class Author extends Model {}
Author.init({
  firstName: { type: DataTypes.STRING(40), allowNull: false, unique: 'author_name' },
  lastName: { type: DataTypes.STRING(40), allowNull: false, unique: 'author_name' },
  rating: DataTypes.INTEGER.UNSIGNED,
  display: {
    type: DataTypes.STRING,
    get() {
      return `${this.getDataValue('firstName')}!`;
    },
  },
}, { sequelize, modelName: 'author', createdAt: 'addedAt' });

const Book = sequelize.define('book', {
  isbn: { type: DataTypes.CHAR(13), primaryKey: true },
  title: { type: DataTypes.STRING, validate: { notEmpty: { msg: 'a title, please' } } },
  data: DataTypes.JSONB,
}, { timestamps: false, freezeTableName: true });

const Shelf = sequelize.define('shelf', { label: DataTypes.STRING });

Book.belongsTo(Author, { foreignKey: { name: 'authorId', allowNull: false } });
Author.hasMany(Book, { as: 'books' });
Book.belongsToMany(Shelf, { through: 'book_shelves', onDelete: 'RESTRICT' });
Shelf.belongsToMany(Book, { through: 'book_shelves' });
Author.addHook('afterCreate', () => {});

console.log('this line is the code talking, not the result');
module.exports = sequelize;
